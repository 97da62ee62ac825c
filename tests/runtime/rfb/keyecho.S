# kvmgui console test guest: a 512-byte boot sector.
# Echoes every typed character to COM1 (and to the VGA text screen);
# F1 switches the display to a Bochs VBE 800x600x32 mode (a guest resolution change).
.intel_syntax noprefix
.code16
.global _start
_start:
    cli
    xor ax, ax
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov sp, 0x7c00
    sti
    mov si, offset banner
    call puts
next_key:
    xor ah, ah
    int 0x16                # AH = scan code, AL = character
    cmp ah, 0x3b            # F1
    je switch_mode
    test al, al
    jz next_key
    call putc
    cmp al, 0x0d
    jne next_key
    mov al, 0x0a
    call putc
    jmp next_key

switch_mode:
    mov byte ptr [graphics], 1
    mov bx, 4
    xor cx, cx
    call dispi
    mov bx, 1
    mov cx, 800
    call dispi
    mov bx, 2
    mov cx, 600
    call dispi
    mov bx, 3
    mov cx, 32
    call dispi
    mov bx, 4
    mov cx, 0x41            # enabled + linear framebuffer (clears VRAM)
    call dispi
    # paint the first 64 KiB bank through the A000 window: a visible gradient
    push es
    mov ax, 0xa000
    mov es, ax
    xor di, di
    mov cx, 0x8000
paint:
    mov ax, di
    stosw
    loop paint
    pop es
    mov si, offset modemsg
    call puts
    jmp next_key

dispi:                      # Bochs DISPI register BX := CX
    mov dx, 0x1ce
    mov ax, bx
    out dx, ax
    inc dx
    mov ax, cx
    out dx, ax
    ret

puts:                       # print the NUL-terminated string at SI
    lodsb
    test al, al
    jz 1f
    call putc
    jmp puts
1:  ret

putc:                       # AL to COM1, and to the text screen while in text mode
    push ax
    push bx
    push dx
    mov dx, 0x3f8
    out dx, al
    cmp byte ptr [graphics], 0
    jne 2f
    mov ah, 0x0e
    mov bx, 0x0007
    int 0x10
2:  pop dx
    pop bx
    pop ax
    ret

graphics: .byte 0
banner:  .asciz "KVMGUI-ECHO READY\r\n"
modemsg: .asciz "KVMGUI-MODE 800x600\r\n"
.org 510
.word 0xaa55
