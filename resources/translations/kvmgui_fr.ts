<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../kvmgui/ui/about.py" line="+43"/>
        <source>About kvmgui</source>
        <translation>À propos de kvmgui</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>kvmgui icon</source>
        <translation>Icône de kvmgui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kvmgui %1</source>
        <translation>kvmgui %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name and version</source>
        <translation>Nom et version</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A friendly desktop manager for KVM/QEMU virtual machines. It runs QEMU directly, as you, without libvirt.</source>
        <translation>Un gestionnaire de machines virtuelles KVM/QEMU simple à utiliser. Il lance QEMU directement, avec vos droits, sans libvirt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What kvmgui is</source>
        <translation>Ce qu&apos;est kvmgui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QEMU version</source>
        <translation>Version de QEMU</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uses Qt %1 and PySide6 %2.</source>
        <translation>Utilise Qt %1 et PySide6 %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toolkit versions</source>
        <translation>Versions des bibliothèques graphiques</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kvmgui is free software, licensed under the GNU General Public License, version 3 or (at your option) any later version (%1). It comes with ABSOLUTELY NO WARRANTY. The LICENSE file that comes with it has the full text.</source>
        <translation>kvmgui est un logiciel libre, distribué sous la licence publique générale GNU (GPL), version 3 ou (à votre choix) toute version ultérieure (%1). Il est fourni SANS AUCUNE GARANTIE. Le fichier LICENSE qui l&apos;accompagne en contient le texte complet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>QEMU: finding its version…</source>
        <translation>QEMU&#xa0;: recherche de sa version…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>QEMU: %1</source>
        <translation>QEMU&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU: not found (%1)</source>
        <translation>QEMU&#xa0;: introuvable (%1)</translation>
    </message>
</context>
<context>
    <name>AdvicePanel</name>
    <message>
        <location filename="../../kvmgui/ui/advice_view.py" line="+63"/>
        <source>Advice</source>
        <translation>Conseils</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Apply: {0}</source>
        <translation>Appliquer&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change this setting now; it takes effect at the next start</source>
        <translation>Modifier ce paramètre maintenant&#xa0;; il prend effet au prochain démarrage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the host check</source>
        <translation>Ouvrir la vérification de l&apos;ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Force off</source>
        <translation>Forcer l&apos;arrêt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The change was not saved: {0}</source>
        <translation>La modification n&apos;a pas été enregistrée&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved: {0}. It takes effect at the next start.</source>
        <translation>Enregistré&#xa0;: {0}. Cela prend effet au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>core.advisor_texts</name>
    <message>
        <location filename="../../kvmgui/ui/core_messages.py" line="+30"/>
        <source>This virtual machine keeps the computer busy</source>
        <extracomment>kvmgui/core/advisor_texts.py:17</extracomment>
        <translation>Cette machine virtuelle occupe l&apos;ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For the last {seconds} seconds, &apos;{name}&apos; has used more than {threshold} % of one host processor (about {cpu} % on average). A guest that is doing nothing should stay below that. If nothing is running inside it, these are the likely causes:</source>
        <extracomment>kvmgui/core/advisor_texts.py:21</extracomment>
        <translation>Depuis {seconds} secondes, «&#xa0;{name}&#xa0;» utilise plus de {threshold} % d&apos;un processeur de l&apos;hôte (environ {cpu} % en moyenne). Un invité qui ne fait rien devrait rester en dessous. Si rien ne tourne à l&apos;intérieur, voici les causes probables&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KVM acceleration is not in use, so QEMU imitates the processor in software: even an idle guest then costs several percent of a host processor, and everything runs slowly. The host check tells why KVM cannot be used here and how to turn it on.</source>
        <extracomment>kvmgui/core/advisor_texts.py:27</extracomment>
        <translation>L&apos;accélération KVM n&apos;est pas utilisée&#xa0;: QEMU imite donc le processeur de façon logicielle. Même un invité inactif coûte alors plusieurs pour cent d&apos;un processeur de l&apos;hôte, et tout est lent. La vérification de l&apos;ordinateur indique pourquoi KVM ne peut pas être utilisé ici et comment l&apos;activer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This virtual machine is set to software emulation (TCG) although this computer can use KVM, which is much faster and lighter. Let kvmgui choose the accelerator.</source>
        <extracomment>kvmgui/core/advisor_texts.py:33</extracomment>
        <translation>Cette machine virtuelle est réglée sur l&apos;émulation logicielle (TCG) alors que cet ordinateur peut utiliser KVM, bien plus rapide et plus léger. Laissez kvmgui choisir l&apos;accélérateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use KVM when available</source>
        <extracomment>kvmgui/core/advisor_texts.py:38</extracomment>
        <translation>Utiliser KVM quand il est disponible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Older systems often drive the virtio network card badly, which can keep a processor busy even when no data moves. Almost every system has a driver for the emulated Intel e1000 card: try it.</source>
        <extracomment>kvmgui/core/advisor_texts.py:39</extracomment>
        <translation>Les anciens systèmes pilotent souvent mal la carte réseau virtio, ce qui peut occuper un processeur même quand aucune donnée ne circule. Presque tous les systèmes ont un pilote pour la carte Intel e1000 émulée&#xa0;: essayez-la.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use an e1000 network card</source>
        <extracomment>kvmgui/core/advisor_texts.py:45</extracomment>
        <translation>Utiliser une carte réseau e1000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The USB tablet (it lets the mouse pointer move in and out of the window without being captured) makes several FreeBSD and other BSD releases check the USB controller without pause. Turn it off; you then click into the console to use the mouse.</source>
        <extracomment>kvmgui/core/advisor_texts.py:49</extracomment>
        <translation>La tablette USB (elle permet au pointeur de la souris d&apos;entrer dans la fenêtre et d&apos;en sortir sans être capturé) fait interroger le contrôleur USB sans arrêt par plusieurs versions de FreeBSD et d&apos;autres BSD. Désactivez-la&#xa0;; il faudra alors cliquer dans la console pour utiliser la souris.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn off the USB tablet</source>
        <extracomment>kvmgui/core/advisor_texts.py:55</extracomment>
        <translation>Désactiver la tablette USB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It has {cpus} virtual processors but this computer has only {host_cpus} cores, so they compete with each other and with the host.</source>
        <extracomment>kvmgui/core/advisor_texts.py:59</extracomment>
        <translation>Elle a {cpus} processeurs virtuels mais cet ordinateur n&apos;a que {host_cpus} cœurs&#xa0;: ils se font concurrence entre eux et avec l&apos;hôte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every virtual processor costs host time even while the guest is idle, because each one wakes up many times a second; with {cpus} of them this adds up. Fewer are enough for a guest that mostly waits; add them back when it has heavy work.</source>
        <extracomment>kvmgui/core/advisor_texts.py:64</extracomment>
        <translation>Chaque processeur virtuel coûte du temps à l&apos;hôte même quand l&apos;invité est inactif, car chacun se réveille de nombreuses fois par seconde&#xa0;; avec {cpus} processeurs, cela s&apos;additionne. Moins suffisent pour un invité qui attend la plupart du temps&#xa0;; rajoutez-en quand il a une grosse charge de travail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use 1 virtual processor</source>
        <extracomment>kvmgui/core/advisor_texts.py:70</extracomment>
        <translation>Utiliser 1 processeur virtuel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use {target} virtual processors</source>
        <extracomment>kvmgui/core/advisor_texts.py:71</extracomment>
        <translation>Utiliser {target} processeurs virtuels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something inside the guest may really be working: system updates, file indexing, or a program stuck in a loop. Look at its own task list (top on Linux, Task Manager on Windows).</source>
        <extracomment>kvmgui/core/advisor_texts.py:75</extracomment>
        <translation>Quelque chose travaille peut-être vraiment dans l&apos;invité&#xa0;: mises à jour du système, indexation de fichiers, ou un programme coincé dans une boucle. Regardez sa propre liste de tâches (top sous Linux, le Gestionnaire des tâches sous Windows).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A disk uses slow IDE emulation</source>
        <extracomment>kvmgui/core/advisor_texts.py:82</extracomment>
        <translation>Un disque utilise la lente émulation IDE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; is a Linux guest, but its disk {disk} is attached as IDE, the slowest kind of emulated disk. Linux has the faster virtio drivers built in.</source>
        <extracomment>kvmgui/core/advisor_texts.py:86</extracomment>
        <translation>«&#xa0;{name}&#xa0;» est un invité Linux, mais son disque {disk} est branché en IDE, le type de disque émulé le plus lent. Linux intègre les pilotes virtio, plus rapides.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch the disk to virtio, the fastest choice. Most Linux systems find their disk by its UUID and start as before; an older one that names /dev/sda or /dev/hda in /etc/fstab must be changed to /dev/vda first.</source>
        <extracomment>kvmgui/core/advisor_texts.py:91</extracomment>
        <translation>Passez le disque en virtio, le choix le plus rapide. La plupart des systèmes Linux trouvent leur disque par son UUID et démarrent comme avant&#xa0;; un système plus ancien qui nomme /dev/sda ou /dev/hda dans /etc/fstab doit d&apos;abord être modifié pour /dev/vda.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use virtio for this disk</source>
        <extracomment>kvmgui/core/advisor_texts.py:97</extracomment>
        <translation>Utiliser virtio pour ce disque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To keep IDE, let the guest pass its disk requests on without sorting them, since the host sorts them again anyway: add elevator=noop to the guest&apos;s kernel command line (in /etc/default/grub inside the guest, then run sudo update-grub). Linux 5.4 and newer ignore that option; there, run: echo none | sudo tee /sys/block/sda/queue/scheduler</source>
        <extracomment>kvmgui/core/advisor_texts.py:101</extracomment>
        <translation>Pour garder l&apos;IDE, laissez l&apos;invité transmettre ses demandes d&apos;accès au disque sans les trier, puisque l&apos;hôte les trie de toute façon&#xa0;: ajoutez elevator=noop à la ligne de commande du noyau de l&apos;invité (dans /etc/default/grub dans l&apos;invité, puis lancez sudo update-grub). Linux 5.4 et plus récents ignorent cette option&#xa0;; lancez alors&#xa0;: echo none | sudo tee /sys/block/sda/queue/scheduler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A disk does not use the writeback cache</source>
        <extracomment>kvmgui/core/advisor_texts.py:109</extracomment>
        <translation>Un disque n&apos;utilise pas le cache writeback</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>writeback, kvmgui&apos;s default, is usually the fastest safe choice: writes go to the host&apos;s memory first, and whatever the guest saves on purpose (a flush) still reaches the disk. The trade-off: if the host itself crashes or loses power, the last writes the guest had not flushed yet are lost, as with the cache of a real disk.</source>
        <extracomment>kvmgui/core/advisor_texts.py:113</extracomment>
        <translation>writeback, le réglage par défaut de kvmgui, est généralement le choix sûr le plus rapide&#xa0;: les écritures passent d&apos;abord par la mémoire de l&apos;hôte, et ce que l&apos;invité enregistre explicitement (un vidage) arrive quand même sur le disque. La contrepartie&#xa0;: si l&apos;hôte lui-même plante ou perd l&apos;alimentation, les dernières écritures que l&apos;invité n&apos;avait pas encore vidées sont perdues, comme avec le cache d&apos;un vrai disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {disk} uses cache=none: the host keeps nothing of it in memory, so reads are never served from the host&apos;s cache. It suits large disks on fast storage; elsewhere writeback is faster.</source>
        <extracomment>kvmgui/core/advisor_texts.py:120</extracomment>
        <translation>Le disque {disk} utilise cache=none&#xa0;: l&apos;hôte n&apos;en garde rien en mémoire, les lectures ne sont donc jamais servies par le cache de l&apos;hôte. Cela convient aux gros disques sur un stockage rapide&#xa0;; ailleurs, writeback est plus rapide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {disk} uses cache=writethrough: every write waits until it is on the host&apos;s disk. The safest mode, but much slower.</source>
        <extracomment>kvmgui/core/advisor_texts.py:126</extracomment>
        <translation>Le disque {disk} utilise cache=writethrough&#xa0;: chaque écriture attend d&apos;être sur le disque de l&apos;hôte. Le mode le plus sûr, mais beaucoup plus lent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {disk} uses cache=directsync: every write waits for the host&apos;s disk and nothing is kept in memory. The slowest mode.</source>
        <extracomment>kvmgui/core/advisor_texts.py:131</extracomment>
        <translation>Le disque {disk} utilise cache=directsync&#xa0;: chaque écriture attend le disque de l&apos;hôte et rien n&apos;est gardé en mémoire. Le mode le plus lent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {disk} uses cache=unsafe: it ignores the guest&apos;s flushes, so a crash of the host can damage the guest&apos;s files. writeback is almost as fast and keeps them safe.</source>
        <extracomment>kvmgui/core/advisor_texts.py:136</extracomment>
        <translation>Le disque {disk} utilise cache=unsafe&#xa0;: il ignore les vidages demandés par l&apos;invité, un plantage de l&apos;hôte peut donc abîmer les fichiers de l&apos;invité. writeback est presque aussi rapide et les garde en sécurité.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use writeback for this disk</source>
        <extracomment>kvmgui/core/advisor_texts.py:141</extracomment>
        <translation>Utiliser writeback pour ce disque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows ignored the shutdown request</source>
        <extracomment>kvmgui/core/advisor_texts.py:143</extracomment>
        <translation>Windows a ignoré la demande d&apos;extinction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; did not react to the ACPI power button. Windows refuses to shut down this way while a Remote Desktop (RDP) session is open or locked, or while nobody is logged in, unless it is told otherwise.</source>
        <extracomment>kvmgui/core/advisor_texts.py:147</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n&apos;a pas réagi au bouton d&apos;alimentation ACPI. Windows refuse de s&apos;éteindre ainsi tant qu&apos;une session Bureau à distance (RDP) est ouverte ou verrouillée, ou tant que personne n&apos;a ouvert de session, sauf si on lui dit le contraire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out of every Remote Desktop session (signing out, not just closing its window or locking it), then try again.</source>
        <extracomment>kvmgui/core/advisor_texts.py:153</extracomment>
        <translation>Déconnectez-vous de toutes les sessions Bureau à distance (en vous déconnectant vraiment, pas seulement en fermant leur fenêtre ou en les verrouillant), puis réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To make Windows always obey the power button, run regedit as an administrator in the guest, open HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System and set the DWORD value shutdownwithoutlogon to 1. This is the security policy &quot;Shutdown: Allow system to be shut down without having to log on&quot;.</source>
        <extracomment>kvmgui/core/advisor_texts.py:158</extracomment>
        <translation>Pour que Windows obéisse toujours au bouton d&apos;alimentation, lancez regedit en tant qu&apos;administrateur dans l&apos;invité, ouvrez HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System et donnez la valeur 1 à la valeur DWORD shutdownwithoutlogon. C&apos;est la stratégie de sécurité «&#xa0;Arrêt&#xa0;: permet au système d&apos;être arrêté sans avoir à se connecter&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the guest&apos;s Control Panel, under Power Options &gt; Choose what the power buttons do, &quot;When I press the power button&quot; must be &quot;Shut down&quot; (not &quot;Do nothing&quot; or &quot;Sleep&quot;).</source>
        <extracomment>kvmgui/core/advisor_texts.py:166</extracomment>
        <translation>Dans le Panneau de configuration de l&apos;invité, sous Options d&apos;alimentation &gt; Choisir l&apos;action des boutons d&apos;alimentation, «&#xa0;Lorsque j&apos;appuie sur le bouton d&apos;alimentation&#xa0;» doit valoir «&#xa0;Arrêter&#xa0;» (et non «&#xa0;Ne rien faire&#xa0;» ou «&#xa0;Veille&#xa0;»).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest ignored the shutdown request</source>
        <extracomment>kvmgui/core/advisor_texts.py:171</extracomment>
        <translation>L&apos;invité a ignoré la demande d&apos;extinction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; did not react to the ACPI power button.</source>
        <extracomment>kvmgui/core/advisor_texts.py:175</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n&apos;a pas réagi au bouton d&apos;alimentation ACPI.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It may still be starting: a guest only reacts once its system is fully up. Wait a moment and try again.</source>
        <extracomment>kvmgui/core/advisor_texts.py:179</extracomment>
        <translation>Il est peut-être encore en train de démarrer&#xa0;: un invité ne réagit qu&apos;une fois son système complètement lancé. Attendez un moment et réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A minimal Linux without a desktop may not listen to the power button: install acpid in the guest, or check that systemd-logind handles the power key.</source>
        <extracomment>kvmgui/core/advisor_texts.py:184</extracomment>
        <translation>Un Linux minimal sans bureau n&apos;écoute pas forcément le bouton d&apos;alimentation&#xa0;: installez acpid dans l&apos;invité, ou vérifiez que systemd-logind gère la touche d&apos;alimentation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some systems do not listen to the ACPI power button at all, or only once it is enabled in their settings: shut it down from inside the guest.</source>
        <extracomment>kvmgui/core/advisor_texts.py:189</extracomment>
        <translation>Certains systèmes n&apos;écoutent pas du tout le bouton d&apos;alimentation ACPI, ou seulement une fois qu&apos;il est activé dans leurs réglages&#xa0;: éteignez-les depuis l&apos;intérieur de l&apos;invité.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If it must stop now, use Force off. It is like pulling the plug: unsaved work in the guest is lost, and the guest may check its disk at the next start.</source>
        <extracomment>kvmgui/core/advisor_texts.py:194</extracomment>
        <translation>S&apos;il faut l&apos;arrêter tout de suite, utilisez Forcer l&apos;arrêt. C&apos;est comme débrancher la prise&#xa0;: le travail non enregistré dans l&apos;invité est perdu, et l&apos;invité peut vérifier son disque au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../kvmgui/ui/app.py" line="+62"/>
        <source>kvmgui cannot start</source>
        <translation>kvmgui ne peut pas démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kvmgui cannot create its runtime folder {0}: {1}. Check that the folder is writable.</source>
        <translation>kvmgui ne peut pas créer son dossier d&apos;exécution {0}&#xa0;: {1}. Vérifiez que ce dossier est accessible en écriture.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>kvmgui is already running</source>
        <translation>kvmgui est déjà lancé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kvmgui is already running for your user; switch to its window.</source>
        <translation>kvmgui est déjà lancé pour votre compte&#xa0;; passez à sa fenêtre.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Some settings could not be used; the defaults were used instead.</source>
        <translation>Certains paramètres n&apos;ont pas pu être utilisés&#xa0;; les valeurs par défaut les remplacent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <location filename="../../kvmgui/ui/approval_dialog.py" line="+119"/>
        <source>{0} could not be started.</source>
        <translation>{0} n&apos;a pas pu être démarrée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The approval could not be saved.</source>
        <translation>L&apos;approbation n&apos;a pas pu être enregistrée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the permissions of the folder {0}.</source>
        <translation>Vérifiez les permissions du dossier {0}.</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location line="-82"/>
        <source>Approve what this virtual machine uses</source>
        <translation>Approuver ce qu&apos;utilise cette machine virtuelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} has settings made outside kvmgui that reach this computer; start it only if you trust where it came from.</source>
        <translation>{0} a des paramètres définis hors de kvmgui qui accèdent à cet ordinateur&#xa0;; ne la démarrez que si vous avez confiance en sa provenance.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What the virtual machine uses</source>
        <translation>Ce qu&apos;utilise la machine virtuelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approving lets it use exactly these; if its settings are changed outside kvmgui later, kvmgui asks again.</source>
        <translation>L&apos;approbation lui permet d&apos;utiliser exactement ceci&#xa0;; si ses paramètres sont modifiés plus tard hors de kvmgui, kvmgui redemandera.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Approve and start</source>
        <translation>&amp;Approuver et démarrer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Extra QEMU arguments: {0}</source>
        <translation>Arguments QEMU supplémentaires&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read and write</source>
        <translation>lecture et écriture</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>read only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk ({0}): {1}</source>
        <translation>Disque ({0})&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base image ({0}): {1}</source>
        <translation>Image de base ({0})&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CD/DVD image ({0}): {1}</source>
        <translation>Image CD/DVD ({0})&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host CD/DVD drive ({0}): {1}</source>
        <translation>Lecteur CD/DVD de l&apos;ordinateur ({0})&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USB stick ({0}): {1}</source>
        <translation>Clé USB ({0})&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>CloneDialog</name>
    <message>
        <location filename="../../kvmgui/ui/media/clone_dialog.py" line="+46"/>
        <source>Clone {0}</source>
        <translation>Cloner {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name of the new virtual machine</source>
        <translation>Nom de la nouvelle machine virtuelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Linked clone: ready at once, shares {0}&apos;s disk</source>
        <translation>Clone &amp;lié&#xa0;: prêt tout de suite, partage le disque de {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Linked clone</source>
        <translation>Clone lié</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Full copy: independent, copies every disk</source>
        <translation>Copie &amp;complète&#xa0;: indépendante, copie chaque disque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full copy</source>
        <translation>Copie complète</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The clone&apos;s disk only stores what the clone changes and reads everything else from {0}&apos;s disk. That disk becomes read-only while clones exist, because any change to it would corrupt them: {0} still starts, but keeps nothing it writes. {0} cannot be deleted until its clones are.</source>
        <translation>Le disque du clone ne stocke que ce que le clone modifie et lit tout le reste sur le disque de {0}. Ce disque passe en lecture seule tant que des clones existent, car toute modification les abîmerait&#xa0;: {0} démarre toujours, mais ne conserve rien de ce qu&apos;il écrit. {0} ne peut pas être supprimée tant que ses clones existent.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Takes as much space as the disks hold and some time; afterwards both virtual machines are completely separate.</source>
        <translation>Occupe autant d&apos;espace que les disques en contiennent et prend du temps&#xa0;; ensuite, les deux machines virtuelles sont complètement séparées.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Clone</source>
        <translation>Cl&amp;oner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the clone</source>
        <translation>Créer le clone</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Give the new virtual machine a name.</source>
        <translation>Donnez un nom à la nouvelle machine virtuelle.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A virtual machine or folder named &apos;{0}&apos; already exists.</source>
        <translation>Une machine virtuelle ou un dossier nommé «&#xa0;{0}&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} is running: shut it down first, so its disk stops changing.</source>
        <translation>{0} est en marche&#xa0;: éteignez-la d&apos;abord, pour que son disque cesse de changer.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} could not be cloned.</source>
        <translation>{0} n&apos;a pas pu être clonée.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Making the linked clone {0}…</source>
        <translation>Création du clone lié {0}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copying {0} to {1}…</source>
        <translation>Copie de {0} vers {1}…</translation>
    </message>
</context>
<context>
    <name>ClipboardSharing</name>
    <message>
        <location filename="../../kvmgui/ui/sharing_clipboard.py" line="24"/>
        <source>Share the &amp;clipboard (text) with the guest</source>
        <translation>Partager le presse-papiers (te&amp;xte) avec l&apos;invité</translation>
    </message>
    <message>
        <source>Share the clipboard</source>
        <translation>Partager le presse-papiers</translation>
    </message>
    <message>
        <source>Text copied on this computer can be pasted in the virtual machine and the other way round. The guest needs the SPICE agent (spice-vdagent). Also in the console&apos;s tool bar.</source>
        <translation>Le texte copié sur cet ordinateur peut être collé dans la machine virtuelle, et inversement. L&apos;invité a besoin de l&apos;agent SPICE (spice-vdagent). Aussi dans la barre d&apos;outils de la console.</translation>
    </message>
    <message>
        <source>A VM without a screen shares no clipboard.</source>
        <translation>Une VM sans écran ne partage aucun presse-papiers.</translation>
    </message>
    <message>
        <source>With SPICE, remote-viewer shares it through the agent.</source>
        <translation>Avec SPICE, remote-viewer le partage grâce à l&apos;agent.</translation>
    </message>
    <message>
        <source>Install spice-vdagent in the guest; the console&apos;s tool bar turns sharing on and off at once while the VM runs.</source>
        <translation>Installez spice-vdagent dans l&apos;invité&#xa0;; pendant que la VM tourne, la barre d&apos;outils de la console active et désactive le partage immédiatement.</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <location filename="../../kvmgui/ui/details_console.py" line="+92"/>
        <source>Open in Viewer</source>
        <translation>Visionneuse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open this screen in remote-viewer, in its own window</source>
        <translation>Ouvrir cet écran dans remote-viewer, dans sa propre fenêtre</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>S&amp;how its window</source>
        <translation>&amp;Afficher sa fenêtre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show its window</source>
        <translation>Afficher sa fenêtre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring the console&apos;s own window to the front</source>
        <translation>Mettre la fenêtre de la console au premier plan</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The console is in its own window.</source>
        <translation>La console est dans sa propre fenêtre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use it there, show its window, or bring the console back into this one.</source>
        <translation>Utilisez-la là-bas, affichez sa fenêtre ou ramenez la console dans celle-ci.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Bring it back here</source>
        <translation>&amp;Ramener ici</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} is not running.</source>
        <translation>{0} n&apos;est pas en marche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start it to see its screen here.</source>
        <translation>Démarrez-la pour voir son écran ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} shows its screen over SPICE.</source>
        <translation>{0} affiche son écran par SPICE.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kvmgui cannot draw SPICE screens itself; they open in remote-viewer, a separate window that also passes USB devices and, when the VM shares it, the clipboard.</source>
        <translation>kvmgui ne sait pas dessiner lui-même les écrans SPICE&#xa0;; ils s&apos;ouvrent dans remote-viewer, une fenêtre séparée qui transmet aussi les périphériques USB et, si la VM le partage, le presse-papiers.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open display</source>
        <translation>&amp;Ouvrir l&apos;affichage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} has no screen.</source>
        <translation>{0} n&apos;a pas d&apos;écran.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its display is set to none. To see one, choose VNC or SPICE under Details › Hardware; it takes effect at the next start.</source>
        <translation>Son affichage est réglé sur «&#xa0;aucun&#xa0;». Pour en avoir un, choisissez VNC ou SPICE dans Détails › Matériel&#xa0;; le changement prend effet au prochain démarrage.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>kvmgui&apos;s runtime is not running.</source>
        <translation>Le moteur d&apos;exécution de kvmgui n&apos;est pas lancé.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The display could not be opened in a viewer.</source>
        <translation>L&apos;affichage n&apos;a pas pu être ouvert dans une visionneuse.</translation>
    </message>
    <message>
        <location filename="../../kvmgui/ui/details_console.py" line="180"/>
        <source>Clipboard sharing could not be saved.</source>
        <translation>Le partage du presse-papiers n&apos;a pas pu être enregistré.</translation>
    </message>
    <message>
        <source>Clipboard sharing is on. The guest gets it at the VM&apos;s next start: it was started without the agent&apos;s port.</source>
        <translation>Presse-papiers partagé au prochain démarrage de la VM (démarrée sans le port de l&apos;agent).</translation>
    </message>
</context>
<context>
    <name>ConsoleToolBar</name>
    <message>
        <location filename="../../kvmgui/ui/console/toolbar.py" line="+57"/>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Console tools</source>
        <translation>Outils de la console</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fit to Window</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scale the screen to the window; off shows one guest pixel per screen pixel</source>
        <translation>Adapter l&apos;écran à la fenêtre&#xa0;; désactivé, un pixel de l&apos;invité occupe un pixel de l&apos;écran</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Full Screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show only the screen (F11, or Ctrl+Alt+F inside the console)</source>
        <translation>N&apos;afficher que l&apos;écran (F11, ou Ctrl+Alt+F dans la console)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send a key combination the host would otherwise catch, like Ctrl+Alt+Del</source>
        <translation>Envoyer une combinaison de touches que l&apos;hôte intercepterait, comme Ctrl+Alt+Suppr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screenshot…</source>
        <translation>Capture d&apos;écran…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the screen as a PNG image</source>
        <translation>Enregistrer l&apos;écran en image PNG</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach to Main Window</source>
        <translation>Rattacher à la fenêtre principale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the console back into the main window</source>
        <translation>Remettre la console dans la fenêtre principale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detach</source>
        <translation>Détacher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the console in its own window</source>
        <translation>Afficher la console dans sa propre fenêtre</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Click the screen to type in the VM</source>
        <translation>Cliquez l&apos;écran pour taper dans la VM</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing to save</source>
        <translation>Rien à enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The console shows no screen yet, so there is nothing to save.</source>
        <translation>La console n&apos;affiche encore aucun écran, il n&apos;y a donc rien à enregistrer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+10"/>
        <source>Save Screenshot</source>
        <translation>Enregistrer la capture d&apos;écran</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Screenshot not saved</source>
        <translation>Capture d&apos;écran non enregistrée</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The screenshot could not be written to %1; choose another folder or name.</source>
        <translation>La capture d&apos;écran n&apos;a pas pu être enregistrée dans %1 ; choisissez un autre dossier ou un autre nom.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Screenshot saved to %1.</source>
        <translation>Capture d&apos;écran enregistrée dans %1.</translation>
    </message>
    <message>
        <location filename="../../kvmgui/ui/console/toolbar.py" line="93"/>
        <source>Share Clipboard</source>
        <translation>Partager le presse-papiers</translation>
    </message>
    <message>
        <source>Share copied text between this computer and the virtual machine. The guest needs the SPICE agent (spice-vdagent); if the VM was started without clipboard sharing, it takes effect at its next start.</source>
        <translation>Partager le texte copié entre cet ordinateur et la machine virtuelle. L&apos;invité a besoin de l&apos;agent SPICE (spice-vdagent)&#xa0;; si la VM a été démarrée sans partage du presse-papiers, il prend effet à son prochain démarrage.</translation>
    </message>
    <message>
        <source>Paste as Keystrokes</source>
        <translation>Coller en tapant</translation>
    </message>
    <message>
        <source>Type the text on the clipboard into the virtual machine as key presses: works where pasting does not, such as installers and text consoles</source>
        <translation>Taper le texte du presse-papiers dans la machine virtuelle, touche par touche : cela fonctionne là où coller ne marche pas, comme dans les programmes d&apos;installation et les consoles texte</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <location filename="../../kvmgui/ui/console_view.py" line="+60"/>
        <location line="+61"/>
        <source>All machines</source>
        <translation>Toutes les machines</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Back to all machines</source>
        <translation>Retour à toutes les machines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list of virtual machines</source>
        <translation>Retour à la liste des machines virtuelles</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where you are</source>
        <translation>Où vous êtes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Virtual machine</source>
        <translation>Machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtual machine tools</source>
        <translation>Outils de la machine virtuelle</translation>
    </message>
</context>
<context>
    <name>ConsoleWidget</name>
    <message>
        <location filename="../../kvmgui/ui/console/widget.py" line="+125"/>
        <source>Virtual machine screen</source>
        <translation>Écran de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+345"/>
        <source>The virtual machine is not running.</source>
        <translation>La machine virtuelle n&apos;est pas en marche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start it to see its screen here.</source>
        <translation>Démarrez-la pour voir son écran ici.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This virtual machine has no screen that kvmgui can show.</source>
        <translation>Cette machine virtuelle n&apos;a pas d&apos;écran que kvmgui puisse afficher.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its display is SPICE or none. Open it in an external viewer instead.</source>
        <translation>Son affichage est SPICE ou aucun. Ouvrez-le plutôt dans une visionneuse externe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resume the virtual machine to continue.</source>
        <translation>Reprenez la machine virtuelle pour continuer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting to the screen…</source>
        <translation>Connexion à l&apos;écran…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The screen is not available. Trying again…</source>
        <translation>L&apos;écran n&apos;est pas disponible. Nouvel essai…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not show the screen.</source>
        <translation>Impossible d&apos;afficher l&apos;écran.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No screen connected.</source>
        <translation>Aucun écran connecté.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Press Ctrl+Alt to release the keyboard and mouse, then F11 to leave full screen</source>
        <translation>Appuyez sur Ctrl+Alt pour libérer le clavier et la souris, puis sur F11 pour quitter le plein écran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Ctrl+Alt to release the keyboard and mouse</source>
        <translation>Ctrl+Alt libère le clavier et la souris</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connected. Click to send the keyboard and mouse to the virtual machine.</source>
        <translation>Connecté. Cliquez pour envoyer le clavier et la souris à la machine virtuelle.</translation>
    </message>
    <message>
        <source>There is not enough memory to show a {0}×{1} screen; close other programs, then reconnect.</source>
        <translation>Il n&apos;y a pas assez de mémoire pour afficher un écran de {0}×{1}&#xa0;; fermez d&apos;autres programmes, puis reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../../kvmgui/ui/console/window.py" line="+61"/>
        <source>Console status</source>
        <translation>État de la console</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Virtual machine</source>
        <translation>Machine virtuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — Console</source>
        <translation>%1 — Console</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (press Ctrl+Alt to release)</source>
        <translation>%1 (appuyez sur Ctrl+Alt pour libérer)</translation>
    </message>
</context>
<context>
    <name>CopyDeviceDialog</name>
    <message>
        <location filename="../../kvmgui/ui/media/copy_device_dialog.py" line="+62"/>
        <source>Copy a disk to a device</source>
        <translation>Copier un disque sur un périphérique</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writes the disk, as a plain raw disk, onto a USB stick, a logical volume or an existing file. Everything on the target is replaced.</source>
        <translation>Écrit le disque, en disque brut (raw), sur une clé USB, un volume logique ou un fichier existant. Tout ce que contient la cible est remplacé.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Disk to copy</source>
        <translation>Disque à copier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Disk image to copy</source>
        <translation>Image disque à copier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/path/to/disk.qcow2</source>
        <translation>/chemin/vers/disque.qcow2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Disk:</source>
        <translation>&amp;Disque&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Target device or file</source>
        <translation>Périphérique ou fichier cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>/dev/sdX, /dev/vg/volume or an existing file</source>
        <translation>/dev/sdX, /dev/vg/volume ou un fichier existant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bro&amp;wse…</source>
        <translation>Parcou&amp;rir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a target file</source>
        <translation>Choisir un fichier cible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Look again</source>
        <translation>Chercher à &amp;nouveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Look for USB sticks again</source>
        <translation>Chercher à nouveau les clés USB</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Target:</source>
        <translation>&amp;Cible&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sizes</source>
        <translation>Tailles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sizes:</source>
        <translation>Tailles&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check result</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type the target&apos;s name to confirm</source>
        <translation>Tapez le nom de la cible pour confirmer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Confirm:</source>
        <translation>Con&amp;firmer&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Com&amp;pare the copy with the disk afterwards</source>
        <translation>Com&amp;parer ensuite la copie avec le disque</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>C&amp;opy and overwrite</source>
        <translation>C&amp;opier et écraser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy and overwrite</source>
        <translation>Copier et écraser</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Target file</source>
        <translation>Fichier cible</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Checking the target…</source>
        <translation>Vérification de la cible…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type {0} to &amp;confirm:</source>
        <translation>Tapez {0} pour con&amp;firmer&#xa0;:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the disk needs {0}</source>
        <translation>le disque a besoin de {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the target holds {0}</source>
        <translation>la cible contient {0}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Copying {0} to {1}…</source>
        <translation>Copie de {0} vers {1}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk was not copied.</source>
        <translation>Le disque n&apos;a pas été copié.</translation>
    </message>
</context>
<context>
    <name>DiskPage</name>
    <message>
        <location filename="../../kvmgui/ui/wizard/page_disk.py" line="+38"/>
        <source>Hard disk</source>
        <translation>Disque dur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step 4 of 6: where the virtual machine keeps its system and files.</source>
        <translation>Étape 4 sur 6&#xa0;: là où la machine virtuelle garde son système et ses fichiers.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Create a new disk</source>
        <translation>&amp;Créer un nouveau disque</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Size:</source>
        <translation>&amp;Taille&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> GiB</source>
        <translation> Gio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk size in GiB</source>
        <translation>Taille du disque en Gio</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Free space</source>
        <translation>Espace libre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use an &amp;existing disk image</source>
        <translation>Utiliser une image disque &amp;existante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Existing disk image</source>
        <translation>Image disque existante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/path/to/disk.qcow2</source>
        <translation>/chemin/vers/disque.qcow2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk image format</source>
        <translation>Format de l&apos;image disque</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>N&amp;o disk (run the live CD or USB stick only)</source>
        <translation>Aucun &amp;disque (lancer seulement le CD live ou la clé USB)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The virtual machine starts from the disk image you chose: {0} ({1}). It is converted to a new qcow2 disk in the VM&apos;s folder when you create the VM; the original is not changed.</source>
        <translation>La machine virtuelle démarre sur l&apos;image disque choisie&#xa0;: {0} ({1}). Elle est convertie en un nouveau disque qcow2 dans le dossier de la machine virtuelle lors de sa création&#xa0;; l&apos;originale n&apos;est pas modifiée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The virtual machine starts from the disk image you chose: {0} ({1}). It is used where it is, not copied.</source>
        <translation>La machine virtuelle démarre sur l&apos;image disque choisie&#xa0;: {0} ({1}). Elle est utilisée là où elle est, sans être copiée.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A live system runs from its CD or stick; nothing is saved between runs.</source>
        <translation>Un système live tourne depuis son CD ou sa clé&#xa0;; rien n&apos;est conservé d&apos;une fois sur l&apos;autre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only possible when the VM starts from a CD, DVD or USB stick.</source>
        <translation>Possible seulement quand la machine virtuelle démarre sur un CD, un DVD ou une clé USB.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;name&gt;</source>
        <translation>&lt;nom&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} free in {1}.</source>
        <translation>{0} libres dans {1}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The free space in {0} could not be measured: {1}</source>
        <translation>L&apos;espace libre dans {0} n&apos;a pas pu être mesuré&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Measuring the free space in {0}…</source>
        <translation>Mesure de l&apos;espace libre dans {0}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The image ({0}) starts small and grows as the guest writes, up to this size.</source>
        <translation>L&apos;image ({0}) commence petite et grandit à mesure que l&apos;invité écrit, jusqu&apos;à cette taille.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Detected: {0}{1}. {2}</source>
        <translation>Détecté&#xa0;: {0}{1}. {2}</translation>
    </message>
    <message>
        <source>Storage &amp;pool:</source>
        <extracomment>kvmgui/ui/wizard/page_disk.py</extracomment>
        <translation>Pool de stoc&amp;kage&#xa0;:</translation>
    </message>
    <message>
        <source>Storage pool of the host</source>
        <extracomment>kvmgui/ui/wizard/page_disk.py</extracomment>
        <translation>Pool de stockage de l&apos;hôte</translation>
    </message>
    <message>
        <source>{0} ({1} free)</source>
        <extracomment>kvmgui/ui/wizard/page_disk.py</extracomment>
        <translation>{0} ({1} libres)</translation>
    </message>
    <message>
        <source>{0} free in the storage pool {1} of {2}.</source>
        <extracomment>kvmgui/ui/wizard/page_disk.py</extracomment>
        <translation>{0} libres dans le pool de stockage {1} de {2}.</translation>
    </message>
</context>
<context>
    <name>FullscreenBar</name>
    <message>
        <location filename="../../kvmgui/ui/console/fullscreen.py" line="+37"/>
        <source>Full screen tools</source>
        <translation>Outils du plein écran</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Leave Full Screen</source>
        <translation>Quitter le plein écran</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the window&apos;s menus and tools again (F11)</source>
        <translation>Réafficher les menus et les outils de la fenêtre (F11)</translation>
    </message>
</context>
<context>
    <name>GibBox</name>
    <message>
        <location filename="../../kvmgui/ui/media/fields.py" line="+45"/>
        <source> GiB</source>
        <translation> Gio</translation>
    </message>
</context>
<context>
    <name>HardwarePage</name>
    <message>
        <source>USB devices of this computer:</source>
        <extracomment>kvmgui/ui/details_hardware.py</extracomment>
        <translation>Périphériques USB de cet ordinateur :</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>USB tablet</source>
        <translation>tablette USB</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Processor and memory</source>
        <translation>Processeur et mémoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory in MiB</source>
        <translation>Mémoire en Mio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Memory:</source>
        <translation>Mémoi&amp;re vive&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of CPUs</source>
        <translation>Nombre de processeurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;PUs:</source>
        <translation>Pro&amp;cesseurs&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Disks</source>
        <translation>Disques</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Disk image to add</source>
        <translation>Image disque à ajouter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add an existing image: type or browse</source>
        <translation>Ajouter une image existante&#xa0;: tapez son chemin ou parcourez</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the disk image</source>
        <translation>Ajouter l&apos;image disque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove selected</source>
        <translation>Re&amp;tirer la sélection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected disk from the VM</source>
        <translation>Retirer de la machine virtuelle le disque sélectionné</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image file itself is kept.</source>
        <translation>Le fichier image lui-même est conservé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CD/DVD drive</source>
        <translation>Lecteur CD/DVD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM has a CD/DVD drive</source>
        <translation>La machine virtuelle a un lecteur CD/DVD</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disc image in the drive</source>
        <translation>Image de disque dans le lecteur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Disc:</source>
        <translation>&amp;Disque&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Insert now</source>
        <translation>&amp;Insérer maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert the disc image into the running VM</source>
        <translation>Insérer l&apos;image de disque dans la machine virtuelle en marche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;ject</source>
        <translation>É&amp;jecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eject the disc</source>
        <translation>Éjecter le disque</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start-up</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start from</source>
        <translation>Démarrer depuis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start &amp;from:</source>
        <translation>Démarrer de&amp;puis&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Network card</source>
        <translation>Carte réseau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>virtio (fast; Linux, BSD, Windows with drivers)</source>
        <translation>virtio (rapide&#xa0;; Linux, BSD, Windows avec pilotes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Intel e1000 (works everywhere)</source>
        <translation>Intel e1000 (fonctionne partout)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Realtek RTL8139 (old systems)</source>
        <translation>Realtek RTL8139 (anciens systèmes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No network</source>
        <translation>Pas de réseau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Network card:</source>
        <translation>Carte résea&amp;u&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sound card</source>
        <translation>Cart&amp;e son</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sound card</source>
        <translation>Carte son</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>USB &amp;tablet (pointer without grabbing)</source>
        <translation>Ta&amp;blette USB (pointeur sans capture)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Screen</source>
        <translation>Écran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VNC (shown inside kvmgui)</source>
        <translation>VNC (affiché dans kvmgui)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPICE (remote-viewer)</source>
        <translation>SPICE (remote-viewer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scr&amp;een:</source>
        <translation>Affic&amp;hage&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Video card</source>
        <translation>Carte graphique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Video card:</source>
        <translation>Carte &amp;graphique&#xa0;:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Apply changes</source>
        <translation>App&amp;liquer les modifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply changes</source>
        <translation>Appliquer les modifications</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;vert</source>
        <translation>Annuler les modi&amp;fications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The CD/DVD for the installation, then the disk</source>
        <translation>Le CD/DVD pour l&apos;installation, puis le disque</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The disk first</source>
        <translation>Le disque d&apos;abord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The CD/DVD first</source>
        <translation>Le CD/DVD d&apos;abord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The USB stick first</source>
        <translation>La clé USB d&apos;abord</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Bus of disk {0}</source>
        <translation>Bus du disque {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cache of disk {0}</source>
        <translation>Cache du disque {0}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The disk image cannot be added.</source>
        <translation>L&apos;image disque ne peut pas être ajoutée.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The VM is running. Changing the disc takes effect at once with Insert now or Eject; other changes wait for the next start.</source>
        <translation>La machine virtuelle est en marche. Le changement de disque prend effet tout de suite avec Insérer maintenant ou Éjecter&#xa0;; les autres modifications attendent le prochain démarrage.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Insert now and Eject act on the running VM at once and are remembered for the next start.</source>
        <translation>Insérer maintenant et Éjecter agissent tout de suite sur la machine virtuelle en marche et sont conservés pour le prochain démarrage.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The disc is used at the next start.</source>
        <translation>Le disque sera utilisé au prochain démarrage.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The changes could not be saved.</source>
        <translation>Les modifications n&apos;ont pas pu être enregistrées.</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+12"/>
        <source>The disc could not be changed.</source>
        <translation>Le disque n&apos;a pas pu être changé.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>kvmgui&apos;s runtime does not know this virtual machine; close this window and open it again.</source>
        <translation>Le moteur d&apos;exécution de kvmgui ne connaît pas cette machine virtuelle&#xa0;; fermez cette fenêtre et rouvrez-la.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The disc was changed, but not remembered for the next start.</source>
        <translation>Le disque a été changé, mais ne sera pas conservé pour le prochain démarrage.</translation>
    </message>
    <message>
        <source>Dis&amp;k tools…</source>
        <translation>Outils di&amp;sque…</translation>
    </message>
    <message>
        <source>Disk image tools for the selected disk</source>
        <translation>Outils pour images disque, appliqués au disque sélectionné</translation>
    </message>
    <message>
        <source>Show, convert, compress, resize or check the selected disk</source>
        <translation>Afficher, convertir, compresser, redimensionner ou vérifier le disque sélectionné</translation>
    </message>
    <message>
        <location filename="../../kvmgui/ui/details_hardware.py" line="280"/>
        <source>Sharing</source>
        <translation>Partage</translation>
    </message>
    <message>
        <source>Keyboard layout</source>
        <translation>Agencement du clavier</translation>
    </message>
    <message>
        <source>The keyboard layout the guest&apos;s system uses; Paste as Keystrokes types for it</source>
        <translation>La disposition de clavier qu&apos;utilise le système invité ; « Coller comme frappes au clavier » tape pour elle</translation>
    </message>
    <message>
        <source>Keyboard layo&amp;ut:</source>
        <translation>Agence&amp;ment du clavier :</translation>
    </message>
</context>
<context>
    <name>HostCheckDialog</name>
    <message>
        <location filename="../../kvmgui/ui/hostcheck_dialog.py" line="+38"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>kvmgui cannot run virtual machines until the problems below are fixed.</source>
        <translation>kvmgui ne peut pas faire tourner de machines virtuelles tant que les problèmes ci-dessous ne sont pas réglés.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer is ready: virtual machines run at nearly full speed.</source>
        <translation>Cet ordinateur est prêt&#xa0;: les machines virtuelles tournent presque à pleine vitesse.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Virtual machines will run, but slower than they could: the first entry says why.</source>
        <translation>Les machines virtuelles fonctionneront, mais plus lentement qu&apos;elles ne le pourraient&#xa0;: la première entrée explique pourquoi.</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>{0}: {1}</source>
        <translation>{0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Details for {0}</source>
        <translation>Détails&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Fix:</source>
        <translation>Solution&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix for {0}</source>
        <translation>Solution&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the fix for {0}</source>
        <translation>Copier la solution&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+1"/>
        <source>Host check</source>
        <translation>Vérification de l&apos;ordinateur</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Check &amp;again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the host again</source>
        <translation>Vérifier à nouveau l&apos;ordinateur hôte</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+15"/>
        <source>Checking this computer…</source>
        <translation>Vérification de cet ordinateur…</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n avertissement.</numerusform>
            <numerusform>%n avertissements.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageToolsDialog</name>
    <message>
        <location filename="../../kvmgui/ui/media/image_tools.py" line="+95"/>
        <location line="+1"/>
        <source>Disk image tools</source>
        <translation>Outils pour images disque</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disk image</source>
        <translation>Image disque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/path/to/disk.qcow2</source>
        <translation>/chemin/vers/disque.qcow2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Image:</source>
        <translation>&amp;Image&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About this image</source>
        <translation>À propos de cette image</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size the guest sees</source>
        <translation>Taille vue par l&apos;invité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space used on disk</source>
        <translation>Espace occupé sur le disque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing chain</source>
        <translation>Chaîne d&apos;images de base</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshots</source>
        <translation>Instantanés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used by</source>
        <translation>Utilisée par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>Format&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size the guest sees:</source>
        <translation>Taille vue par l&apos;invité&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space used on disk:</source>
        <translation>Espace occupé sur le disque&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing chain:</source>
        <translation>Chaîne d&apos;images de base&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshots:</source>
        <translation>Instantanés&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used by:</source>
        <translation>Utilisée par&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Operations</source>
        <translation>Opérations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Con&amp;vert</source>
        <translation>Con&amp;vertir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;mpress</source>
        <translation>Co&amp;mpresser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resize</source>
        <translation>&amp;Redimensionner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;heck</source>
        <translation>Véri&amp;fier</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>New format</source>
        <translation>Nouveau format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qcow2 (grows as needed, snapshots, compression)</source>
        <translation>qcow2 (grandit selon les besoins, instantanés, compression)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>raw (a plain copy of the disk, for dd or other tools)</source>
        <translation>raw (une copie brute du disque, pour dd ou d&apos;autres outils)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New &amp;format:</source>
        <translation>Nouveau &amp;format&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Com&amp;press the new image (smaller, a little slower)</source>
        <translation>Com&amp;presser la nouvelle image (plus petite, un peu plus lente)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compress the new image</source>
        <translation>Compresser la nouvelle image</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare the new image with the original when done</source>
        <translation>Comparer la nouvelle image avec l&apos;originale une fois terminé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New image file</source>
        <translation>Nouveau fichier image</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/path/to/new.qcow2</source>
        <translation>/chemin/vers/nouvelle.qcow2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save as:</source>
        <translation>Enregistrer &amp;sous&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The original is never changed. A base image and its overlays are merged into one independent image.</source>
        <translation>L&apos;originale n&apos;est jamais modifiée. Une image de base et ses images dérivées sont fusionnées en une seule image indépendante.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Convert</source>
        <translation>&amp;Convertir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convert the image</source>
        <translation>Convertir l&apos;image</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rewrites a qcow2 image compressed, to save space on this computer. The compressed copy is checked and compared with the original before it replaces it; the guest sees exactly the same disk.</source>
        <translation>Réécrit une image qcow2 en la compressant, pour gagner de la place sur cet ordinateur. La copie compressée est vérifiée et comparée à l&apos;originale avant de la remplacer&#xa0;; l&apos;invité voit exactement le même disque.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Co&amp;mpress now</source>
        <translation>Co&amp;mpresser maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compress the image</source>
        <translation>Compresser l&apos;image</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Current size</source>
        <translation>Taille actuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current size:</source>
        <translation>Taille actuelle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New size in GiB</source>
        <translation>Nouvelle taille en Gio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New si&amp;ze:</source>
        <translation>Nouvelle tai&amp;lle&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I understand that shrinking &amp;deletes everything beyond the new size</source>
        <translation>Je comprends que réduire la taille &amp;efface tout ce qui se trouve au-delà de la nouvelle taille</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirm that shrinking deletes data</source>
        <translation>Confirmer que la réduction efface des données</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resi&amp;ze</source>
        <translation>Redimensio&amp;nner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resize the image</source>
        <translation>Redimensionner l&apos;image</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Looks for damage in a qcow2 image (after a crash or a full disk, for example). Nothing is changed unless you ask for the leak repair.</source>
        <translation>Recherche les dommages dans une image qcow2 (après un plantage ou un disque plein, par exemple). Rien n&apos;est modifié, sauf si vous demandez la réparation des fuites.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Re&amp;pair leaks (reclaims wasted space; the data is not touched)</source>
        <translation>Réparer les &amp;fuites (récupère l&apos;espace gaspillé&#xa0;; les données ne sont pas touchées)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Repair leaks</source>
        <translation>Réparer les fuites</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chec&amp;k now</source>
        <translation>Vérifier &amp;maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the image</source>
        <translation>Vérifier l&apos;image</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>There is no file at this path.</source>
        <translation>Il n&apos;y a aucun fichier à cet emplacement.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading the image…</source>
        <translation>Lecture de l&apos;image…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>none (a standalone image)</source>
        <translation>aucune (une image autonome)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} (running: shut it down before changing this image)</source>
        <translation>{0} (en marche&#xa0;: éteignez-la avant de modifier cette image)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no virtual machine</source>
        <translation>aucune machine virtuelle</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Only qcow2 images can be compressed: convert this one to a compressed qcow2 image instead.</source>
        <translation>Seules les images qcow2 peuvent être compressées&#xa0;: convertissez plutôt celle-ci en image qcow2 compressée.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Shrinking deletes everything beyond {0} on the disk. Shrink the partitions inside the guest first (with GParted or Disk Management), and keep a copy of the image.</source>
        <translation>La réduction efface tout ce qui se trouve au-delà de {0} sur le disque. Réduisez d&apos;abord les partitions dans l&apos;invité (avec GParted ou le Gestionnaire de disques de Windows) et gardez une copie de l&apos;image.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Growing only adds room at the end; afterwards, enlarge the partition inside the guest.</source>
        <translation>L&apos;agrandissement ajoute seulement de la place à la fin&#xa0;; ensuite, agrandissez la partition dans l&apos;invité.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Choose another file name for the new image.</source>
        <translation>Choisissez un autre nom de fichier pour la nouvelle image.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new image cannot replace the image it is made from. To make an image smaller in place, use Compress.</source>
        <translation>La nouvelle image ne peut pas remplacer l&apos;image dont elle est tirée. Pour rendre une image plus petite sur place, utilisez Compresser.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Replace {0}?</source>
        <translation>Remplacer {0}&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} already exists. It is replaced only once the new image is complete and checked; until then it stays as it is.</source>
        <translation>{0} existe déjà. Il n&apos;est remplacé qu&apos;une fois la nouvelle image terminée et vérifiée&#xa0;; d&apos;ici là, il reste tel quel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Converting {0}…</source>
        <translation>Conversion de {0}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image could not be converted.</source>
        <translation>L&apos;image n&apos;a pas pu être convertie.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compressing {0}…</source>
        <translation>Compression de {0}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image could not be compressed.</source>
        <translation>L&apos;image n&apos;a pas pu être compressée.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Resizing {0}…</source>
        <translation>Redimensionnement de {0}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image could not be resized.</source>
        <translation>L&apos;image n&apos;a pas pu être redimensionnée.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Checking {0}…</source>
        <translation>Vérification de {0}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image could not be checked.</source>
        <translation>L&apos;image n&apos;a pas pu être vérifiée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} is damaged.</source>
        <translation>{0} est endommagée.</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <location filename="../../kvmgui/ui/media/jobs.py" line="+74"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the running operation</source>
        <translation>Annuler l&apos;opération en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop now; the original image is left exactly as it was.</source>
        <translation>Arrêter maintenant&#xa0;; l&apos;image d&apos;origine reste exactement telle qu&apos;elle était.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>Annulé&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../kvmgui/ui/i18n.py" line="+57"/>
        <source>en</source>
        <comment>the code of this translation&apos;s language: fr, de, pt_BR…</comment>
        <translation>fr</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../kvmgui/ui/details_logs.py" line="+36"/>
        <source>The log cannot be read: {0}</source>
        <translation>Le journal ne peut pas être lu&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>What the log means</source>
        <translation>Ce que dit le journal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File: {0}</source>
        <translation>Fichier&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload {0}</source>
        <translation>Recharger&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing written yet: the log starts when the virtual machine starts.</source>
        <translation>Rien d&apos;écrit pour l&apos;instant&#xa0;: le journal commence quand la machine virtuelle démarre.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>QEMU reported no problems at its last start.</source>
        <translation>QEMU n&apos;a signalé aucun problème lors de son dernier démarrage.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In plain words: {0}</source>
        <translation>En clair&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kvmgui/ui/banner.py" line="+63"/>
        <location line="+1"/>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>this message</source>
        <translation>ce message</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>What to do: {0}</source>
        <translation>Que faire&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No virtual machines yet</source>
        <translation>Aucune machine virtuelle pour l&apos;instant</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A virtual machine is a computer inside your computer: try a Linux ISO, run an old system, or check that a USB stick boots — without touching your own system.</source>
        <translation>Une machine virtuelle est un ordinateur dans votre ordinateur&#xa0;: essayez une image ISO de Linux, faites tourner un ancien système ou vérifiez qu&apos;une clé USB démarre — sans toucher à votre propre système.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Create a virtual machine</source>
        <translation>&amp;Créer une machine virtuelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Test a USB stick</source>
        <translation>&amp;Tester une clé USB</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Boot a USB stick in a virtual machine; the stick is protected, nothing on it is changed.</source>
        <translation>Démarrer une clé USB dans une machine virtuelle&#xa0;; la clé est protégée, rien n&apos;y est modifié.</translation>
    </message>
    <message>
        <location filename="../../kvmgui/ui/main_window.py" line="+59"/>
        <location line="+594"/>
        <source>kvmgui — Virtual machines</source>
        <translation>kvmgui — Machines virtuelles</translation>
    </message>
    <message>
        <location line="-556"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Test a &amp;USB stick…</source>
        <translation>Tester une clé &amp;USB…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Boot a USB stick in a virtual machine without changing it</source>
        <translation>Démarrer une clé USB dans une machine virtuelle sans la modifier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Host check…</source>
        <translation>&amp;Vérifier l&apos;ordinateur…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check whether this computer can run virtual machines well, and how to fix it</source>
        <translation>Vérifier si cet ordinateur peut bien faire tourner des machines virtuelles, et comment y remédier sinon</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;About kvmgui</source>
        <translation>À &amp;propos de kvmgui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload the list</source>
        <translation>&amp;Recharger la liste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As &amp;cards with screens</source>
        <translation>En &amp;cartes avec écrans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As a &amp;table</source>
        <translation>En &amp;tableau</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Virtual machine</source>
        <translation>&amp;Machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vie&amp;w</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+2"/>
        <source>Main tools</source>
        <translation>Outils principaux</translation>
    </message>
    <message numerus="yes">
        <location line="+107"/>
        <source>%n VM folder(s) could not be read and are shown as such.</source>
        <translation>
            <numerusform>%n dossier de machine virtuelle n&apos;a pas pu être lu et est signalé comme tel.</numerusform>
            <numerusform>%n dossiers de machine virtuelle n&apos;ont pas pu être lus et sont signalés comme tels.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show &amp;why</source>
        <translation>Afficher &amp;pourquoi</translation>
    </message>
    <message numerus="yes">
        <location line="+65"/>
        <source>%n virtual machine(s), {0} running</source>
        <translation>
            <numerusform>%n machine virtuelle, {0} en marche</numerusform>
            <numerusform>%n machines virtuelles, {0} en marche</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Virtual machine actions</source>
        <translation>Actions sur la machine virtuelle</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{0}: {1}</source>
        <translation>{0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{0} stopped with a problem.</source>
        <translation>{0} s&apos;est arrêtée à cause d&apos;un problème.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{0} was paused because of a disk problem.</source>
        <translation>{0} a été mise en pause à cause d&apos;un problème de disque.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open the &amp;host check</source>
        <translation>Ouvrir la &amp;vérification de l&apos;ordinateur</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Some VM folders could not be read.</source>
        <translation>Certains dossiers de machine virtuelle n&apos;ont pas pu être lus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each is listed with the reason; fix or move the folder, then choose View &gt; Reload the list.</source>
        <translation>Chacun est listé avec la raison&#xa0;; corrigez ou déplacez le dossier, puis choisissez Affichage &gt; Recharger la liste.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VM folders</source>
        <translation>Dossiers de machines virtuelles</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Created {0}.</source>
        <translation>{0} a été créée.</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+57"/>
        <source>This virtual machine is no longer in the VM folder.</source>
        <translation>Cette machine virtuelle n&apos;est plus dans le dossier des machines virtuelles.</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>{0} — kvmgui</source>
        <translation>{0} — kvmgui</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>kvmgui could not finish a task.</source>
        <translation>kvmgui n&apos;a pas pu terminer une tâche.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Looking for running virtual machines…</source>
        <translation>Recherche des machines virtuelles en marche…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Quit kvmgui</source>
        <translation>Quitter kvmgui</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n virtual machine(s) are running: {0}.</source>
        <translation>
            <numerusform>%n machine virtuelle est en marche&#xa0;: {0}.</numerusform>
            <numerusform>%n machines virtuelles sont en marche&#xa0;: {0}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They can keep running without kvmgui; it reconnects to them the next time it starts.</source>
        <translation>Elles peuvent continuer à tourner sans kvmgui&#xa0;; il s&apos;y reconnecte à son prochain démarrage.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Keep running</source>
        <translation>&amp;Les laisser tourner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Shut them down</source>
        <translation>&amp;Les éteindre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remember my choice (change it in Preferences)</source>
        <translation>Se &amp;souvenir de mon choix (modifiable dans les Préférences)</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Shutting down %n virtual machine(s)…</source>
        <translation>
            <numerusform>Extinction de %n machine virtuelle…</numerusform>
            <numerusform>Extinction de %n machines virtuelles…</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Disk image tools…</source>
        <translation>Outils pour &amp;images disque…</translation>
    </message>
    <message>
        <source>Show, convert, compress, resize or check a disk image</source>
        <translation>Afficher, convertir, compresser, redimensionner ou vérifier une image disque</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Boot a rescue disc such as Clonezilla with a new disk and your backup disk, to restore the backup into a virtual machine</source>
        <translation>Démarrer un disque de secours comme Clonezilla avec un nouveau disque et votre disque de sauvegarde, pour restaurer la sauvegarde dans une machine virtuelle</translation>
    </message>
    <message>
        <source>C&amp;lone…</source>
        <translation>C&amp;loner…</translation>
    </message>
    <message>
        <source>Make a linked clone or a full copy</source>
        <translation>Créer un clone lié ou une copie complète</translation>
    </message>
    <message>
        <source>Copy disk to a &amp;device…</source>
        <translation>Copier le disque sur un &amp;périphérique…</translation>
    </message>
    <message>
        <source>Write the disk onto a USB stick, a logical volume or a file</source>
        <translation>Écrire le disque sur une clé USB, un volume logique ou un fichier</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>Add &amp;Connection…</source>
        <extracomment>kvmgui/ui/main_window.py</extracomment>
        <translation>Ajouter une &amp;connexion…</translation>
    </message>
    <message>
        <source>Manage the virtual machines of libvirt, on this computer or another one</source>
        <extracomment>kvmgui/ui/main_window.py</extracomment>
        <translation>Gérer les machines virtuelles de libvirt, sur cet ordinateur ou un autre</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <extracomment>kvmgui/ui/main_window.py</extracomment>
        <translation>&amp;Reconnecter</translation>
    </message>
    <message>
        <source>Re&amp;move Connection</source>
        <extracomment>kvmgui/ui/main_window.py</extracomment>
        <translation>Re&amp;tirer la connexion</translation>
    </message>
    <message>
        <source>Created {0} on {1}.</source>
        <extracomment>kvmgui/ui/main_window.py</extracomment>
        <translation>{0} a été créée sur {1}.</translation>
    </message>
</context>
<context>
    <name>MediaDialogs</name>
    <message>
        <location filename="../../kvmgui/ui/media/vm_create.py" line="+102"/>
        <source>kvmgui&apos;s runtime is not running, so the virtual machine was created but not started.</source>
        <translation>Le moteur d&apos;exécution de kvmgui n&apos;est pas lancé&#xa0;: la machine virtuelle a été créée mais pas démarrée.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../kvmgui/ui/errors.py" line="+80"/>
        <source>kvmgui: something failed</source>
        <translation>kvmgui&#xa0;: quelque chose a échoué</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+68"/>
        <source>kvmgui</source>
        <translation>kvmgui</translation>
    </message>
</context>
<context>
    <name>NewVmWizard</name>
    <message>
        <location filename="../../kvmgui/ui/wizard/wizard.py" line="+130"/>
        <location line="+3"/>
        <source>New virtual machine</source>
        <translation>Nouvelle machine virtuelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The wizard could not finish a background check.</source>
        <translation>L&apos;assistant n&apos;a pas pu terminer une vérification en arrière-plan.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The free space could not be measured.</source>
        <translation>L&apos;espace libre n&apos;a pas pu être mesuré.</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>A folder named &apos;{0}&apos; already exists in {1} (perhaps the kept disks of a deleted VM): choose another name or move that folder away.</source>
        <translation>Un dossier nommé «&#xa0;{0}&#xa0;» existe déjà dans {1} (peut-être les disques conservés d&apos;une machine virtuelle supprimée)&#xa0;: choisissez un autre nom ou déplacez ce dossier.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Asking QEMU what it supports…</source>
        <translation>Interrogation de QEMU sur ce qu&apos;il prend en charge…</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Creating the VM&apos;s folder…</source>
        <translation>Création du dossier de la machine virtuelle…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Converting the disk image to qcow2…</source>
        <translation>Conversion de l&apos;image disque en qcow2…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Creating the disk image {0}…</source>
        <translation>Création de l&apos;image disque {0}…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The virtual machine could not be created.</source>
        <translation>La machine virtuelle n&apos;a pas pu être créée.</translation>
    </message>
    <message>
        <source>The virtual machine was created but did not start.</source>
        <extracomment>kvmgui/ui/wizard/wizard.py</extracomment>
        <translation>La machine virtuelle a été créée mais n&apos;a pas démarré.</translation>
    </message>
    <message>
        <source>Reading the storage pools of {0}…</source>
        <extracomment>kvmgui/ui/wizard/model.py</extracomment>
        <translation>Lecture des pools de stockage de {0}…</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../kvmgui/ui/wizard/page_options.py" line="+32"/>
        <source>writeback — fast and safe (recommended)</source>
        <translation>writeback — rapide et sûr (recommandé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none — bypass the host&apos;s cache</source>
        <translation>none — contourne le cache de l&apos;hôte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>writethrough — every write reaches the disk; slow</source>
        <translation>writethrough — chaque écriture va jusqu&apos;au disque&#xa0;; lent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>directsync — no cache at all; slowest</source>
        <translation>directsync — aucun cache&#xa0;; le plus lent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsafe — fastest; a host crash can corrupt the disk</source>
        <translation>unsafe — le plus rapide&#xa0;; un plantage de l&apos;hôte peut abîmer le disque</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>q35 — modern PC with PCI Express (recommended)</source>
        <translation>q35 — PC moderne avec PCI Express (recommandé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pc (i440fx) — classic PC for old systems</source>
        <translation>pc (i440fx) — PC classique pour les anciens systèmes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>auto — KVM when this computer can use it</source>
        <translation>auto — KVM quand cet ordinateur peut l&apos;utiliser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kvm — hardware acceleration</source>
        <translation>kvm — accélération matérielle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tcg — software emulation (slow, works everywhere)</source>
        <translation>tcg — émulation logicielle (lente, fonctionne partout)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step 5 of 6: the virtual hardware. The defaults suit the system type you chose.</source>
        <translation>Étape 5 sur 6&#xa0;: le matériel virtuel. Les valeurs par défaut conviennent au type de système choisi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hardware</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sound card</source>
        <translation>Carte so&amp;n</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About the sound card</source>
        <translation>À propos de la carte son</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>USB &amp;tablet (the mouse moves freely between the guest and your desktop)</source>
        <translation>&amp;Tablette USB (la souris passe librement de l&apos;invité à votre bureau)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fast v&amp;irtio disk (needs virtio drivers: built into Linux and BSD, not into Windows)</source>
        <translation>Disque v&amp;irtio rapide (nécessite les pilotes virtio&#xa0;: intégrés à Linux et BSD, pas à Windows)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fast virtio net&amp;work card (same drivers)</source>
        <translation>Carte réseau virtio rapi&amp;de (mêmes pilotes)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Screen</source>
        <translation>Écran</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;VNC (shown inside kvmgui)</source>
        <translation>&amp;VNC (affiché dans kvmgui)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;PICE (opens in remote-viewer)</source>
        <translation>SPI&amp;CE (s&apos;ouvre dans remote-viewer)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Advanced</source>
        <translation>&amp;Avancé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show advanced options</source>
        <translation>Afficher les options avancées</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Disk cache mode</source>
        <translation>Mode de cache du disque</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disk &amp;cache:</source>
        <translation>Cac&amp;he du disque&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Machine type</source>
        <translation>Type de machine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Machine:</source>
        <translation>&amp;Machine&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accelerator</source>
        <translation>Accélérateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Acc&amp;elerator:</source>
        <translation>Accé&amp;lérateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Help → Host check says how to fix it.</source>
        <translation>Aide → Vérifier l’ordinateur indique comment y remédier.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checking whether KVM can be used…</source>
        <translation>Vérification de la possibilité d&apos;utiliser KVM…</translation>
    </message>
</context>
<context>
    <name>OsPage</name>
    <message>
        <location filename="../../kvmgui/ui/wizard/page_os.py" line="+92"/>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TPM</source>
        <translation>TPM</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+9"/>
        <source>System type</source>
        <translation>Type de système</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Step 2 of 6: what kind of system will run inside? It picks settings that work for it; you can change each one later.</source>
        <translation>Étape 2 sur 6&#xa0;: quel genre de système va tourner dedans&#xa0;? Ce choix règle des paramètres qui lui conviennent&#xa0;; vous pourrez modifier chacun plus tard.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Suggested from the file name {0}: {1}.</source>
        <translation>Suggéré d&apos;après le nom de fichier {0}&#xa0;: {1}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Settings for {0}</source>
        <translation>Paramètres pour {0}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{0} MiB memory, {1}, {2} GiB disk on {3}, {4} network card, {5} machine</source>
        <translation>{0} Mio de mémoire, {1}, disque de {2} Gio en {3}, carte réseau {4}, machine {5}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n processeur</numerusform>
            <numerusform>%n processeurs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../kvmgui/ui/details_overview.py" line="+32"/>
        <source>{0} d {1} h {2} min</source>
        <translation>{0} j {1} h {2} min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} h {1} min</source>
        <translation>{0} h {1} min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} min {1} s</source>
        <translation>{0} min {1} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why:</source>
        <translation>Raison&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System:</source>
        <translation>Système&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running for</source>
        <translation>En marche depuis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running for:</source>
        <translation>En marche depuis&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process id</source>
        <translation>Identifiant du processus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process id:</source>
        <translation>Identifiant du processus&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accelerator</source>
        <translation>Accélérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accelerator:</source>
        <translation>Accélérateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display address</source>
        <translation>Adresse de l&apos;affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display:</source>
        <translation>Affichage&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>Dossier&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>QEMU command line</source>
        <translation>Ligne de commande QEMU</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>About the command line</source>
        <translation>À propos de la ligne de commande</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>{0}; {1} of memory, %n CPU(s)</source>
        <translation>
            <numerusform>{0}&#xa0;; {1} de mémoire, %n processeur</numerusform>
            <numerusform>{0}&#xa0;; {1} de mémoire, %n processeurs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+3"/>
        <location line="+13"/>
        <location line="+7"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>KVM (hardware acceleration)</source>
        <translation>KVM (accélération matérielle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCG (software emulation, slower)</source>
        <translation>TCG (émulation logicielle, plus lente)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— (set to {0})</source>
        <translation>— (réglé sur {0})</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>What kvmgui runs for this VM as it is set up now; copy it to report a problem or to learn.</source>
        <translation>Ce que kvmgui lance pour cette machine virtuelle telle qu&apos;elle est configurée&#xa0;; copiez-le pour signaler un problème ou pour apprendre.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What kvmgui will run at the next start.</source>
        <translation>Ce que kvmgui lancera au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>Performance</name>
    <message>
        <location filename="../../kvmgui/ui/stats_history.py" line="+20"/>
        <source>in use</source>
        <translation>utilisée&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>read</source>
        <translation>lecture&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>write</source>
        <translation>écriture&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PerformancePage</name>
    <message>
        <location filename="../../kvmgui/ui/details_performance.py" line="+19"/>
        <source>{0}/s</source>
        <translation>{0}/s</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>CPU</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Memory used by QEMU</source>
        <translation>Mémoire utilisée par QEMU</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Disk input/output</source>
        <translation>Entrées/sorties disque</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shown while the virtual machine runs.</source>
        <translation>Affiché pendant que la machine virtuelle tourne.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Measured every {0} s, over the last %n minute(s). 100 % CPU is one host core fully busy.</source>
        <translation>
            <numerusform>Mesuré toutes les {0} s, sur la dernière minute. 100&#xa0;% de processeur correspond à un cœur de l&apos;hôte entièrement occupé.</numerusform>
            <numerusform>Mesuré toutes les {0} s, sur les %n dernières minutes. 100&#xa0;% de processeur correspond à un cœur de l&apos;hôte entièrement occupé.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>il y a %n seconde</numerusform>
            <numerusform>il y a %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../kvmgui/ui/preferences.py" line="+48"/>
        <location line="+1"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preference pages</source>
        <translation>Pages des préférences</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder for virtual machines</source>
        <translation>Dossier des machines virtuelles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>VM &amp;folder:</source>
        <translation>&amp;Dossier des machines&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New VMs and their disks go here. Leave it empty for the standard place shown in grey. VMs already created elsewhere stay where they are.</source>
        <translation>Les nouvelles machines virtuelles et leurs disques sont placés ici. Laissez vide pour l&apos;emplacement standard indiqué en gris. Les machines déjà créées ailleurs restent où elles sont.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Accelerator</source>
        <translation>Accélérateur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic: KVM when it works, otherwise TCG</source>
        <translation>Automatique&#xa0;: KVM s&apos;il fonctionne, sinon TCG</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KVM (hardware acceleration)</source>
        <translation>KVM (accélération matérielle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCG (software emulation, slow)</source>
        <translation>TCG (émulation logicielle, lente)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Accelerator:</source>
        <translation>&amp;Accélérateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QEMU program</source>
        <translation>Programme QEMU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;QEMU program:</source>
        <translation>Programme &amp;QEMU&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>qemu-img program</source>
        <translation>Programme qemu-img</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>qemu-&amp;img program:</source>
        <translation>Programme qemu-&amp;img&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New VMs</source>
        <translation>&amp;Nouvelles machines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The wizard starts from the recommendation for the chosen system; values changed here replace it.</source>
        <translation>L&apos;assistant part de la recommandation pour le système choisi&#xa0;; les valeurs modifiées ici la remplacent.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Default memory in MiB</source>
        <translation>Mémoire par défaut en Mio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Memory:</source>
        <translation>&amp;Mémoire vive&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default number of CPUs</source>
        <translation>Nombre de processeurs par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CPUs:</source>
        <translation>&amp;Processeurs&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default screen</source>
        <translation>Écran par défaut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VNC (shown inside kvmgui)</source>
        <translation>VNC (affiché dans kvmgui)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SPICE (opens in remote-viewer)</source>
        <translation>SPICE (s&apos;ouvre dans remote-viewer)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Screen:</source>
        <translation>É&amp;cran&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Running VMs</source>
        <translation>Machines en ma&amp;rche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When kvmgui quits</source>
        <translation>Quand kvmgui se ferme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask every time</source>
        <translation>Demander à chaque fois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep them running (kvmgui reconnects next time)</source>
        <translation>Les laisser tourner (kvmgui s&apos;y reconnecte la fois suivante)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shut them down</source>
        <translation>Les éteindre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When kvmgui &amp;quits:</source>
        <translation>&amp;Quand kvmgui se ferme&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+20"/>
        <location line="+9"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Seconds to wait for a shutdown</source>
        <translation>Secondes d&apos;attente pour une extinction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for a &amp;shutdown:</source>
        <translation>Attente d&apos;&amp;extinction&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A guest that has not powered off after this time is forced off when kvmgui quits.</source>
        <translation>Un invité qui ne s&apos;est pas éteint passé ce délai est arrêté de force quand kvmgui se ferme.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Seconds between CPU and memory samples</source>
        <translation>Secondes entre deux mesures du processeur et de la mémoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure CPU and memory e&amp;very:</source>
        <translation>Mesurer processeur et mémoire &amp;toutes les&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Seconds between screen thumbnails</source>
        <translation>Secondes entre deux vignettes d&apos;écran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh &amp;thumbnails every:</source>
        <translation>Actualiser les &amp;vignettes toutes les&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conso&amp;le and questions</source>
        <translation>Conso&amp;le et questions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Console scaling</source>
        <translation>Mise à l&apos;échelle de la console</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit the screen to the window</source>
        <translation>Adapter l&apos;écran à la fenêtre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Actual size (1:1)</source>
        <translation>Taille réelle (1:1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sc&amp;aling:</source>
        <translation>Mise à l&apos;é&amp;chelle&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send all keys to the guest while the console has the keyboard (Ctrl+Alt releases it)</source>
        <translation>Envoyer toutes les touches à l&apos;invité tant que la console a le clavier (Ctrl+Alt le libère)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Grab the keyboard in the console</source>
        <translation>Capturer le clavier dans la console</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask before</source>
        <translation>Demander avant de</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Forcing a VM off</source>
        <translation>&amp;Forcer l&apos;arrêt d&apos;une machine virtuelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask before forcing a VM off</source>
        <translation>Demander avant de forcer l&apos;arrêt d&apos;une machine virtuelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Deleting a VM</source>
        <translation>&amp;Supprimer une machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask before deleting a VM</source>
        <translation>Demander avant de supprimer une machine virtuelle</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>KVM cannot be used on this computer, so VMs set to use it will not start: choose Automatic, or open Help &gt; Host check to fix KVM.</source>
        <translation>KVM ne peut pas être utilisé sur cet ordinateur, les machines virtuelles réglées pour l&apos;utiliser ne démarreront donc pas&#xa0;: choisissez Automatique, ou ouvrez Aide &gt; Vérifier l&apos;ordinateur pour réparer KVM.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Found: {0}</source>
        <translation>Trouvé&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found: VMs cannot start until {0} is installed or the full path is given.</source>
        <translation>Introuvable&#xa0;: les machines virtuelles ne peuvent pas démarrer tant que {0} n&apos;est pas installé ou que son chemin complet n&apos;est pas indiqué.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The preferences could not be saved.</source>
        <translation>Les préférences n&apos;ont pas pu être enregistrées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: check that the folder {1} is writable.</source>
        <translation>{0}&#xa0;: vérifiez que le dossier {1} est accessible en écriture.</translation>
    </message>
</context>
<context>
    <name>core.presets</name>
    <message>
        <location filename="../../kvmgui/ui/preset_texts.py" line="+16"/>
        <source>Linux (Ubuntu, Debian, Fedora…)</source>
        <extracomment>kvmgui/core/presets.py:50</extracomment>
        <translation>Linux (Ubuntu, Debian, Fedora…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows 11</source>
        <extracomment>kvmgui/core/presets.py:61</extracomment>
        <translation>Windows 11</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows 10</source>
        <extracomment>kvmgui/core/presets.py:72</extracomment>
        <translation>Windows 10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Older Windows (XP, 7)</source>
        <extracomment>kvmgui/core/presets.py:83</extracomment>
        <translation>Windows plus ancien (XP, 7)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSD (FreeBSD, OpenBSD…)</source>
        <extracomment>kvmgui/core/presets.py:94</extracomment>
        <translation>BSD (FreeBSD, OpenBSD…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other or older system</source>
        <extracomment>kvmgui/core/presets.py:105</extracomment>
        <translation>Autre système, ou plus ancien</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Modern Linux has virtio drivers built in: the fastest disk and network.</source>
        <extracomment>kvmgui/core/presets.py:55</extracomment>
        <translation>Les Linux récents intègrent les pilotes virtio&#xa0;: le disque et le réseau les plus rapides.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Windows 11 needs UEFI and a TPM; SATA and e1000 work without extra drivers.</source>
        <extracomment>kvmgui/core/presets.py:66</extracomment>
        <translation>Windows 11 exige l&apos;UEFI et un TPM&#xa0;; SATA et e1000 fonctionnent sans pilotes supplémentaires.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SATA and e1000 work with Windows&apos; own drivers; add virtio drivers later for speed.</source>
        <extracomment>kvmgui/core/presets.py:77</extracomment>
        <translation>SATA et e1000 fonctionnent avec les pilotes de Windows&#xa0;; ajoutez plus tard les pilotes virtio pour gagner en vitesse.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Old Windows only knows IDE disks and the RTL8139 network card of a classic PC.</source>
        <extracomment>kvmgui/core/presets.py:88</extracomment>
        <translation>Les anciens Windows ne connaissent que les disques IDE et la carte réseau RTL8139 d&apos;un PC classique.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>BSDs have virtio drivers; the USB tablet makes some FreeBSD releases spin the CPU.</source>
        <extracomment>kvmgui/core/presets.py:99</extracomment>
        <translation>Les BSD ont des pilotes virtio&#xa0;; la tablette USB fait tourner le processeur à vide sur certaines versions de FreeBSD.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A classic PC with IDE and e1000: what almost every operating system can drive.</source>
        <extracomment>kvmgui/core/presets.py:110</extracomment>
        <translation>Un PC classique avec IDE et e1000&#xa0;: ce que presque tous les systèmes d&apos;exploitation savent piloter.</translation>
    </message>
</context>
<context>
    <name>Punctuation</name>
    <message>
        <location filename="../../kvmgui/ui/core_messages.py" line="-80"/>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>: </source>
        <translation>&#xa0;: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>. </source>
        <translation>. </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source> </source>
        <translation> </translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <location filename="../../kvmgui/ui/wizard/page_resources.py" line="+25"/>
        <source>Memory and CPUs</source>
        <translation>Mémoire et processeurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step 3 of 6: how much of this computer the virtual machine may use while it runs.</source>
        <translation>Étape 3 sur 6&#xa0;: quelle part de cet ordinateur la machine virtuelle peut utiliser pendant qu&apos;elle tourne.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Memory in MiB</source>
        <translation>Mémoire en Mio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Memory:</source>
        <translation>&amp;Mémoire vive&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of CPUs</source>
        <translation>Nombre de processeurs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;CPUs:</source>
        <translation>Pr&amp;ocesseurs&#xa0;:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Measuring this computer&apos;s memory…</source>
        <translation>Mesure de la mémoire de cet ordinateur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counting this computer&apos;s CPUs…</source>
        <translation>Comptage des processeurs de cet ordinateur…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer has {0} of memory; {1} is free right now.</source>
        <translation>Cet ordinateur a {0} de mémoire&#xa0;; {1} sont libres en ce moment.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>This computer has %n CPU(s). A guest may use them all; they are shared with your other programs.</source>
        <translation>
            <numerusform>Cet ordinateur a %n processeur. Un invité peut l’utiliser&#xa0;; il est partagé avec vos autres programmes.</numerusform>
            <numerusform>Cet ordinateur a %n processeurs. Un invité peut tous les utiliser&#xa0;; ils sont partagés avec vos autres programmes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recommended for {0}: {1} MiB.</source>
        <translation>Recommandé pour {0}&#xa0;: {1} Mio.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recommended for {0}: {1}.</source>
        <translation>Recommandé pour {0}&#xa0;: {1}.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../kvmgui/ui/media/restore.py" line="+58"/>
        <source>The new disk ({0}) is smaller than the disk the backup was made from ({1}). Clonezilla cannot restore onto a smaller disk: make the new disk at least {1}.</source>
        <translation>Le nouveau disque ({0}) est plus petit que le disque d&apos;origine de la sauvegarde ({1}). Clonezilla ne peut pas restaurer sur un disque plus petit&#xa0;: faites un nouveau disque d&apos;au moins {1}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Makes a virtual machine that starts from a rescue disc (such as Clonezilla) with a new empty disk and your backup disk attached. In the rescue system, restore the backup onto the new disk, then remove the disc and start the virtual machine from its disk.</source>
        <translation>Crée une machine virtuelle qui démarre sur un disque de secours (comme Clonezilla) avec un nouveau disque vide et votre disque de sauvegarde branchés. Dans le système de secours, restaurez la sauvegarde sur le nouveau disque, puis retirez le disque de secours et démarrez la machine virtuelle sur son disque.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name of the new virtual machine</source>
        <translation>Nom de la nouvelle machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rescue disc image</source>
        <translation>Image du disque de secours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/path/to/clonezilla-live.iso</source>
        <translation>/chemin/vers/clonezilla-live.iso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rescue &amp;disc:</source>
        <translation>&amp;Disque de secours&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup disk</source>
        <translation>Disque de sauvegarde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The USB disk with the backup, or an image file</source>
        <translation>Le disque USB contenant la sauvegarde, ou un fichier image</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup image file</source>
        <translation>Fichier image de la sauvegarde</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Look again</source>
        <translation>Chercher à nou&amp;veau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look for USB disks again</source>
        <translation>Chercher à nouveau les disques USB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Backup:</source>
        <translation>&amp;Sauvegarde&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size of the backed-up disk in GiB</source>
        <translation>Taille du disque sauvegardé en Gio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backed-up disk&apos;s si&amp;ze:</source>
        <translation>&amp;Taille du disque sauvegardé&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The size of the whole disk the backup was made from (Clonezilla shows it, and lsblk on the original computer).</source>
        <translation>La taille du disque entier d&apos;origine de la sauvegarde (Clonezilla l&apos;affiche, tout comme lsblk sur l&apos;ordinateur d&apos;origine).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Size of the new disk in GiB</source>
        <translation>Taille du nouveau disque en Gio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New disk&apos;s s&amp;ize:</source>
        <translation>Tai&amp;lle du nouveau disque&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory in MiB</source>
        <translation>Mémoire en Mio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Memory:</source>
        <translation>&amp;Mémoire vive&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Create and start</source>
        <translation>&amp;Créer et démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create and start</source>
        <translation>Créer et démarrer</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Restored from a backup with a rescue disc.</source>
        <translation>Restaurée à partir d&apos;une sauvegarde avec un disque de secours.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the rescue disc image (for example Clonezilla live).</source>
        <translation>Choisissez l&apos;image du disque de secours (par exemple Clonezilla live).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the disk or image file that holds the backup.</source>
        <translation>Choisissez le disque ou le fichier image qui contient la sauvegarde.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The restore virtual machine could not be made.</source>
        <translation>La machine virtuelle de restauration n&apos;a pas pu être créée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Creating the disk ({0})…</source>
        <translation>Création du disque ({0})…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Starting {0}…</source>
        <translation>Démarrage de {0}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0} was created but could not be started.</source>
        <translation>{0} a été créée mais n&apos;a pas pu être démarrée.</translation>
    </message>
</context>
<context>
    <name>SendKeysMenu</name>
    <message>
        <location filename="../../kvmgui/ui/console/send_keys.py" line="+19"/>
        <source>Ctrl+Alt+Del</source>
        <translation>Ctrl+Alt+Suppr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Alt+Backspace</source>
        <translation>Ctrl+Alt+Retour arrière</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print Screen</source>
        <translation>Impr. écran</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Alt+F%1</source>
        <translation>Ctrl+Alt+F%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send Key</source>
        <translation>Envoyer une touche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a key combination to the virtual machine</source>
        <translation>Envoyer une combinaison de touches à la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Alt+F1 … F12 (text consoles)</source>
        <translation>Ctrl+Alt+F1 … F12 (consoles texte)</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <location filename="../../kvmgui/ui/services.py" line="+70"/>
        <source>{0} is a &apos;{1}&apos; image, which kvmgui cannot use directly: convert it to qcow2 first.</source>
        <translation>{0} est une image «&#xa0;{1}&#xa0;», que kvmgui ne peut pas utiliser directement&#xa0;: convertissez-la d&apos;abord en qcow2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Format detected by qemu-img.</source>
        <translation>Format détecté par qemu-img.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Removable disk</source>
        <translation>Disque amovible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CD/DVD drive</source>
        <translation>Lecteur CD/DVD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk</source>
        <translation>Disque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no medium</source>
        <translation>pas de support</translation>
    </message>
    <message>
        <location filename="../../kvmgui/ui/media/import_image.py" line="+30"/>
        <source>The new virtual machine has no disk to convert the image into.</source>
        <translation>La nouvelle machine virtuelle n&apos;a pas de disque dans lequel convertir l&apos;image.</translation>
    </message>
</context>
<context>
    <name>SnapshotsPage</name>
    <message>
        <location filename="../../kvmgui/ui/media/snapshot_backend.py" line="+70"/>
        <source>This virtual machine has no disk to take snapshots of.</source>
        <translation>Cette machine virtuelle n&apos;a aucun disque dont prendre des instantanés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Snapshots need qcow2 disks, and {0} is a {1} image. Convert it to qcow2 with Tools &gt; Disk image tools, then use the new image as the disk.</source>
        <translation>Les instantanés nécessitent des disques qcow2, et {0} est une image {1}. Convertissez-la en qcow2 avec Outils &gt; Outils pour images disque, puis utilisez la nouvelle image comme disque.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Shut the virtual machine down to take, revert or delete snapshots: they are made with qemu-img, which must not write to a disk in use.</source>
        <translation>Éteignez la machine virtuelle pour prendre, restaurer ou supprimer des instantanés&#xa0;: ils sont faits avec qemu-img, qui ne doit pas écrire sur un disque en cours d&apos;utilisation.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>There is no snapshot named &apos;{0}&apos; any more.</source>
        <translation>Il n&apos;y a plus d&apos;instantané nommé «&#xa0;{0}&#xa0;».</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>kvmgui&apos;s runtime does not know this virtual machine; close this window and open it again.</source>
        <translation>Le moteur d&apos;exécution de kvmgui ne connaît pas cette machine virtuelle&#xa0;; fermez cette fenêtre et rouvrez-la.</translation>
    </message>
    <message>
        <location filename="../../kvmgui/ui/media/snapshots_page.py" line="+64"/>
        <source>A snapshot keeps the disks as they are now, so you can come back to this moment later, for example before an update or an experiment.</source>
        <translation>Un instantané conserve les disques tels qu&apos;ils sont maintenant, pour que vous puissiez revenir à ce moment plus tard, par exemple avant une mise à jour ou un essai.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Snapshots</source>
        <translation>Instantanés</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken</source>
        <translation>Pris le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory size</source>
        <translation>Taille de la mémoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Take snapshot…</source>
        <translation>Prendre un &amp;instantané…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+165"/>
        <source>Take a snapshot</source>
        <translation>Prendre un instantané</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Re&amp;vert to it…</source>
        <translation>Reveni&amp;r à cet instantané…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revert to the selected snapshot</source>
        <translation>Revenir à l&apos;instantané sélectionné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De&amp;lete…</source>
        <translation>Supprim&amp;er…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected snapshot</source>
        <translation>Supprimer l&apos;instantané sélectionné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the list</source>
        <translation>Actualiser la liste</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The snapshots could not be read: {0}</source>
        <translation>Les instantanés n&apos;ont pas pu être lus&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>disks and memory (includes memory)</source>
        <translation>disques et mémoire (mémoire comprise)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disks only</source>
        <translation>disques seulement</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No snapshots yet. Take one before a risky change.</source>
        <translation>Aucun instantané pour l&apos;instant. Prenez-en un avant une modification risquée.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Name of the snapshot:</source>
        <translation>Nom de l&apos;instantané&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Take snapshot</source>
        <translation>&amp;Prendre l&apos;instantané</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A snapshot named &apos;{0}&apos; already exists; choose another name.</source>
        <translation>Un instantané nommé «&#xa0;{0}&#xa0;» existe déjà&#xa0;; choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+6"/>
        <source>The snapshot was not taken.</source>
        <translation>L&apos;instantané n&apos;a pas été pris.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Taking the snapshot &apos;{0}&apos;…</source>
        <translation>Prise de l&apos;instantané «&#xa0;{0}&#xa0;»…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Took the snapshot &apos;{0}&apos;.</source>
        <translation>Instantané «&#xa0;{0}&#xa0;» pris.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Revert {0} to the snapshot &apos;{1}&apos;?</source>
        <translation>Ramener {0} à l&apos;instantané «&#xa0;{1}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disks go back to how they were on {0}. Every change made since then (files saved, programs installed, updates) is lost, and this cannot be undone. Take a snapshot first if you may want them back.</source>
        <translation>Les disques reviennent à leur état du {0}. Tout ce qui a changé depuis (fichiers enregistrés, programmes installés, mises à jour) est perdu, sans retour possible. Prenez d&apos;abord un instantané si vous pourriez vouloir récupérer ces changements.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Revert and lose the changes</source>
        <translation>&amp;Revenir et perdre les modifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+7"/>
        <source>The virtual machine was not reverted.</source>
        <translation>La machine virtuelle n&apos;a pas été ramenée à l&apos;instantané.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Reverting to &apos;{0}&apos;…</source>
        <translation>Retour à «&#xa0;{0}&#xa0;»…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} is back to the snapshot &apos;{1}&apos; ({2}).</source>
        <translation>{0} est revenue à l&apos;instantané «&#xa0;{1}&#xa0;» ({2}).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete the snapshot &apos;{0}&apos;?</source>
        <translation>Supprimer l&apos;instantané «&#xa0;{0}&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The virtual machine stays as it is now; only the way back to {0} is lost.</source>
        <translation>La machine virtuelle reste telle qu&apos;elle est maintenant&#xa0;; seul le moyen de revenir au {0} est perdu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deleting the snapshot &apos;{0}&apos;…</source>
        <translation>Suppression de l&apos;instantané «&#xa0;{0}&#xa0;»…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The snapshot was not deleted.</source>
        <translation>L&apos;instantané n&apos;a pas été supprimé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted the snapshot &apos;{0}&apos;.</source>
        <translation>Instantané «&#xa0;{0}&#xa0;» supprimé.</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../kvmgui/ui/wizard/page_source.py" line="+39"/>
        <source>Start from</source>
        <translation>Démarrer depuis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step 1 of 6: choose what the new virtual machine starts from. You can change the CD or add a disk later.</source>
        <translation>Étape 1 sur 6&#xa0;: choisissez ce sur quoi la nouvelle machine virtuelle démarre. Vous pourrez changer de CD ou ajouter un disque plus tard.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>An &amp;ISO image file (install or live disc)</source>
        <translation>Un fichier d&apos;image &amp;ISO (disque d&apos;installation ou live)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ISO image file</source>
        <translation>Fichier d&apos;image ISO</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/path/to/system.iso</source>
        <translation>/chemin/vers/systeme.iso</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any folder works: kvmgui runs QEMU as you, so an ISO in your Downloads folder needs no extra permissions.</source>
        <translation>N&apos;importe quel dossier convient&#xa0;: kvmgui lance QEMU avec vos droits, une image ISO dans votre dossier Téléchargements ne demande donc aucune permission particulière.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A &amp;CD or DVD in this computer&apos;s drive</source>
        <translation>Un CD ou DVD dans le &amp;lecteur de cet ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CD or DVD drive</source>
        <translation>Lecteur CD ou DVD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Look again</source>
        <translation>Chercher à &amp;nouveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Look for CD and DVD drives again</source>
        <translation>Chercher à nouveau les lecteurs CD et DVD</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test-boot a &amp;USB stick</source>
        <translation>Tester le démarrage d&apos;une clé &amp;USB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USB stick</source>
        <translation>Clé USB</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plug in a stick, or type the path of a stick image (.img)</source>
        <translation>Branchez une clé, ou tapez le chemin d&apos;une image de clé (.img)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L&amp;ook again</source>
        <translation>Chercher à nou&amp;veau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look for USB sticks again</source>
        <translation>Chercher à nouveau les clés USB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Protect the stick: the guest&apos;s writes are thrown away at power-off</source>
        <translation>Protéger la &amp;clé&#xa0;: les écritures de l&apos;invité sont jetées à l&apos;extinction</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Protect the USB stick</source>
        <translation>Protéger la clé USB</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An existing &amp;disk image with a system on it (qcow2, raw, vmdk, vdi)</source>
        <translation>Une image &amp;disque existante contenant un système (qcow2, raw, vmdk, vdi)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Existing disk image</source>
        <translation>Image disque existante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/path/to/disk.qcow2</source>
        <translation>/chemin/vers/disque.qcow2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Brow&amp;se…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How to use the disk image</source>
        <translation>Comment utiliser l&apos;image disque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use it as is (the VM writes to this file)</source>
        <translation>L&apos;utiliser telle quelle (la machine virtuelle écrit dans ce fichier)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Convert it to qcow2 first (a copy in the VM&apos;s folder; the original is kept)</source>
        <translation>La convertir d&apos;abord en qcow2 (une copie dans le dossier de la machine virtuelle&#xa0;; l&apos;originale est conservée)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No&amp;thing for now (an empty CD drive; insert a disc later)</source>
        <translation>Rien pour l&apos;ins&amp;tant (un lecteur CD vide&#xa0;; insérez un disque plus tard)</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+147"/>
        <source>Looking for drives…</source>
        <translation>Recherche des lecteurs…</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>No CD or DVD drive was found on this computer.</source>
        <translation>Aucun lecteur CD ou DVD n&apos;a été trouvé sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disc is read-only for the guest.</source>
        <translation>Le disque est en lecture seule pour l&apos;invité.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+128"/>
        <source>Looking for USB sticks…</source>
        <translation>Recherche des clés USB…</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>No USB stick was found. Plug one in and choose Look again, or type the path of a stick image.</source>
        <translation>Aucune clé USB n&apos;a été trouvée. Branchez-en une et choisissez Chercher à nouveau, ou tapez le chemin d&apos;une image de clé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing on the stick is changed while it is protected.</source>
        <translation>Rien n&apos;est modifié sur la clé tant qu&apos;elle est protégée.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Format: {0}. {1}</source>
        <translation>Format&#xa0;: {0}. {1}</translation>
    </message>
    <message>
        <source>Brows&amp;e…</source>
        <extracomment>kvmgui/ui/wizard/page_source.py</extracomment>
        <translation>P&amp;arcourir…</translation>
    </message>
    <message>
        <source>C&amp;reate on:</source>
        <extracomment>kvmgui/ui/wizard/page_source.py</extracomment>
        <translation>Cré&amp;er sur&#xa0;:</translation>
    </message>
    <message>
        <source>Create the virtual machine on</source>
        <extracomment>kvmgui/ui/wizard/page_source.py</extracomment>
        <translation>Créer la machine virtuelle sur</translation>
    </message>
    <message>
        <source>ISO image file to upload</source>
        <extracomment>kvmgui/ui/wizard/page_source.py</extracomment>
        <translation>Fichier d&apos;image ISO à envoyer</translation>
    </message>
    <message>
        <source>ISO image of the host</source>
        <extracomment>kvmgui/ui/wizard/page_source.py</extracomment>
        <translation>Image ISO de l&apos;hôte</translation>
    </message>
    <message>
        <source>No storage pool of {0} holds an ISO image: upload one, or copy one into a pool&apos;s folder on the host.</source>
        <extracomment>kvmgui/ui/wizard/page_source.py</extracomment>
        <translation>Aucun pool de stockage de {0} ne contient d&apos;image ISO&#xa0;: envoyez-en une, ou copiez-en une dans le dossier d&apos;un pool sur l&apos;hôte.</translation>
    </message>
    <message>
        <source>The ISO images in the storage pools of {0}, or one of this computer uploaded into the disk&apos;s pool.</source>
        <extracomment>kvmgui/ui/wizard/page_source.py</extracomment>
        <translation>Les images ISO des pools de stockage de {0}, ou une image de cet ordinateur envoyée dans le pool du disque.</translation>
    </message>
    <message>
        <source>This computer</source>
        <extracomment>kvmgui/ui/wizard/page_source.py</extracomment>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>Upload an ISO image of this computer…</source>
        <extracomment>kvmgui/ui/wizard/page_source.py</extracomment>
        <translation>Envoyer une image ISO de cet ordinateur…</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <location filename="../../kvmgui/ui/sparkline.py" line="+125"/>
        <source>Scale: 0 to {0}.</source>
        <translation>Échelle&#xa0;: de 0 à {0}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From {0} to {1}.</source>
        <translation>De {0} à {1}.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../kvmgui/ui/wizard/page_summary.py" line="+40"/>
        <source>Ready to create</source>
        <translation>Prêt à créer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step 6 of 6: name the virtual machine and check what will be created.</source>
        <translation>Étape 6 sur 6&#xa0;: nommez la machine virtuelle et vérifiez ce qui va être créé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name of the virtual machine</source>
        <translation>Nom de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Na&amp;me:</source>
        <translation>No&amp;m&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>Dossier&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System:</source>
        <translation>Système&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts from:</source>
        <translation>Démarre depuis&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What will be created</source>
        <translation>Ce qui va être créé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Will create:</source>
        <translation>Sera créé&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>QEMU command line</source>
        <translation>Ligne de commande QEMU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;opy</source>
        <translation>C&amp;opier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;tart the virtual machine now and show its screen</source>
        <translation>&amp;Démarrer la machine virtuelle maintenant et afficher son écran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the virtual machine now</source>
        <translation>Démarrer la machine virtuelle maintenant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Creation progress</source>
        <translation>Progression de la création</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>a new folder in {0}, once the VM has a valid name</source>
        <translation>un nouveau dossier dans {0}, dès que la VM aura un nom valide</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}; {1} MiB memory, {2}; {3}</source>
        <translation>{0}&#xa0;; {1} Mio de mémoire, {2}&#xa0;; {3}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n processeur</numerusform>
            <numerusform>%n processeurs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPICE screen</source>
        <translation>écran SPICE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VNC screen</source>
        <translation>écran VNC</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the folder {0} with the VM&apos;s settings (vm.json) and its logs</source>
        <translation>le dossier {0} avec les paramètres de la machine virtuelle (vm.json) et ses journaux</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a folder in {0}, named after the VM, with its settings (vm.json) and logs</source>
        <translation>un dossier dans {0}, au nom de la VM, avec ses réglages (vm.json) et ses journaux</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a new {0} disk image {1}, up to {2} (it starts small)</source>
        <translation>une nouvelle image disque {0} {1}, jusqu&apos;à {2} (elle commence petite)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>nothing for the disk: {0} is used where it is</source>
        <translation>rien pour le disque&#xa0;: {0} est utilisée là où elle est</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no disk: nothing the guest does is kept</source>
        <translation>pas de disque&#xa0;: rien de ce que fait l&apos;invité n&apos;est conservé</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The command line appears once the VM has a valid name.</source>
        <translation>La ligne de commande apparaît dès que la VM a un nom valide.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>protected, writes are thrown away</source>
        <translation>protégée, les écritures sont jetées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WRITABLE: the guest changes the stick</source>
        <translation>MODIFIABLE&#xa0;: l&apos;invité modifie la clé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USB stick {0} ({1})</source>
        <translation>clé USB {0} ({1})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ISO image {0}</source>
        <translation>image ISO {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disc in {0}</source>
        <translation>le disque dans {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk image {0}</source>
        <translation>l&apos;image disque {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing yet: insert a disc image from the VM&apos;s details</source>
        <translation>rien pour l&apos;instant&#xa0;: insérez une image de disque depuis les détails de la machine virtuelle</translation>
    </message>
    <message>
        <source>Host</source>
        <extracomment>kvmgui/ui/wizard/page_summary.py</extracomment>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Host:</source>
        <extracomment>kvmgui/ui/wizard/page_summary.py</extracomment>
        <translation>Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>ISO image {0}, uploaded into the storage pool {1}</source>
        <extracomment>kvmgui/ui/wizard/page_summary.py</extracomment>
        <translation>Image ISO {0}, envoyée dans le pool de stockage {1}</translation>
    </message>
    <message>
        <source>a copy of {0} in the storage pool {1}</source>
        <extracomment>kvmgui/ui/wizard/page_summary.py</extracomment>
        <translation>une copie de {0} dans le pool de stockage {1}</translation>
    </message>
    <message>
        <source>the VM &apos;{0}&apos; on {1}</source>
        <extracomment>kvmgui/ui/wizard/page_summary.py</extracomment>
        <translation>la VM «&#xa0;{0}&#xa0;» sur {1}</translation>
    </message>
    <message>
        <source>a new {0} disk volume in the storage pool {1}, up to {2} (it starts small)</source>
        <extracomment>kvmgui/ui/wizard/page_summary.py</extracomment>
        <translation>un nouveau volume disque {0} dans le pool de stockage {1}, jusqu&apos;à {2} (il commence petit)</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../kvmgui/ui/i18n.py" line="+161"/>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>byte</source>
        <translation>octet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KiB</source>
        <translation>Kio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GiB</source>
        <translation>Gio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TiB</source>
        <translation>Tio</translation>
    </message>
</context>
<context>
    <name>UsbTestDialog</name>
    <message>
        <location filename="../../kvmgui/ui/media/usb_test.py" line="+61"/>
        <source>You may not open {0}. Add yourself to the disk group ({1}), then log out and in again.</source>
        <translation>Vous n&apos;avez pas le droit d&apos;ouvrir {0}. Ajoutez-vous au groupe disk ({1}), puis fermez la session et rouvrez-la.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Test a USB stick</source>
        <translation>Tester une clé USB</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Boots the stick in a virtual machine without a hard disk, to see whether it starts and what is on it. The virtual machine disappears when it is switched off.</source>
        <translation>Démarre la clé dans une machine virtuelle sans disque dur, pour voir si elle démarre et ce qu&apos;elle contient. La machine virtuelle disparaît quand on l&apos;éteint.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A USB &amp;stick plugged into this computer</source>
        <translation>Une &amp;clé USB branchée sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A USB stick</source>
        <translation>Une clé USB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>USB sticks</source>
        <translation>Clés USB</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Look again</source>
        <translation>Chercher à &amp;nouveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Look for USB sticks again</source>
        <translation>Chercher à nouveau les clés USB</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+79"/>
        <source>Looking for USB sticks…</source>
        <translation>Recherche des clés USB…</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>An &amp;image file instead (.img or .iso, before writing it)</source>
        <translation>Un fichier &amp;image à la place (.img ou .iso, avant de l&apos;écrire)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An image file</source>
        <translation>Un fichier image</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stick image file</source>
        <translation>Fichier image de clé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/path/to/stick.img</source>
        <translation>/chemin/vers/cle.img</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory in MiB</source>
        <translation>Mémoire en Mio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Memory:</source>
        <translation>&amp;Mémoire vive&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Protect the stick (recommended)</source>
        <translation>&amp;Protéger la clé (recommandé)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protect the stick</source>
        <translation>Protéger la clé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the guest writes goes to a temporary file that is thrown away at power-off; the stick is never changed.</source>
        <translation>Ce que l&apos;invité écrit va dans un fichier temporaire jeté à l&apos;extinction&#xa0;; la clé n&apos;est jamais modifiée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the test</source>
        <translation>Lancer le test</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>no medium</source>
        <translation>pas de support</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No USB stick was found. Plug one in and choose Look again, or use an image file.</source>
        <translation>Aucune clé USB n&apos;a été trouvée. Branchez-en une et choisissez Chercher à nouveau, ou utilisez un fichier image.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Choose a USB stick, or an image file.</source>
        <translation>Choisissez une clé USB, ou un fichier image.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the image file to boot.</source>
        <translation>Choisissez le fichier image à démarrer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no file at {0}.</source>
        <translation>Il n&apos;y a aucun fichier à l&apos;emplacement {0}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Let the virtual machine change the stick?</source>
        <translation>Laisser la machine virtuelle modifier la clé&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without protection, everything the guest writes goes straight to the stick: an installer or a disk tool in it can erase or overwrite what is on it, and this cannot be undone. Only do this if you want the stick changed.</source>
        <translation>Sans protection, tout ce que l&apos;invité écrit va directement sur la clé&#xa0;: un programme d&apos;installation ou un outil de disque qui s&apos;y trouve peut effacer ou écraser son contenu, sans retour possible. Ne le faites que si vous voulez que la clé soit modifiée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Turn protection off</source>
        <translation>&amp;Désactiver la protection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep it protected</source>
        <translation>&amp;Garder la protection</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Protection is off: the guest&apos;s writes change the stick for good.</source>
        <translation>La protection est désactivée&#xa0;: les écritures de l&apos;invité modifient la clé pour de bon.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The USB stick test could not be started.</source>
        <translation>Le test de la clé USB n&apos;a pas pu être lancé.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>If the stick cannot be opened, add yourself to the disk group ({0}), then log out and in again.</source>
        <translation>Si la clé ne peut pas être ouverte, ajoutez-vous au groupe disk ({0}), puis fermez la session et rouvrez-la.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>kvmgui&apos;s runtime is not running; restart kvmgui.</source>
        <translation>Le moteur d&apos;exécution de kvmgui n&apos;est pas lancé&#xa0;; redémarrez kvmgui.</translation>
    </message>
</context>
<context>
    <name>UsbSharing</name>
    <message>
        <source>&amp;Copy the commands</source>
        <translation>C&amp;opier les commandes</translation>
    </message>
    <message>
        <source>Checking or unchecking a device gives it to the running VM or takes it away at once; the VM keeps it for its next starts.</source>
        <translation>Cocher ou décocher un périphérique le donne à la VM en marche ou le lui retire aussitôt&#xa0;; la VM le garde pour ses prochains démarrages.</translation>
    </message>
    <message>
        <source>Copy the commands that install the udev rule</source>
        <translation>Copier les commandes qui installent la règle udev</translation>
    </message>
    <message>
        <source>List the USB devices of this computer again</source>
        <translation>Lister à nouveau les périphériques USB de cet ordinateur</translation>
    </message>
    <message>
        <source>&amp;Look for devices again</source>
        <translation>Chercher à nouveau les périphéri&amp;ques</translation>
    </message>
    <message>
        <source>No USB device to share is plugged in (hubs, the keyboard and the mouse are never offered).</source>
        <translation>Aucun périphérique USB à partager n&apos;est branché (les concentrateurs, le clavier et la souris ne sont jamais proposés).</translation>
    </message>
    <message>
        <source>The USB device could not be changed.</source>
        <translation>Le périphérique USB n&apos;a pas pu être modifié.</translation>
    </message>
    <message>
        <source>The USB devices could not be listed.</source>
        <translation>Les périphériques USB n&apos;ont pas pu être listés.</translation>
    </message>
    <message>
        <source>The VM gets the checked devices whenever they are plugged in, on any port.</source>
        <translation>La VM reçoit les périphériques cochés dès qu&apos;ils sont branchés, sur n&apos;importe quel port.</translation>
    </message>
    <message>
        <source>Turn on the USB tablet (and apply) to give the VM devices of this computer: it brings the USB controller.</source>
        <translation>Activez la tablette USB (et appliquez) pour donner à la VM des périphériques de cet ordinateur&#xa0;: elle apporte le contrôleur USB.</translation>
    </message>
    <message>
        <source>USB devices of this computer</source>
        <translation>Périphériques USB de cet ordinateur</translation>
    </message>
    <message>
        <source>kvmgui&apos;s runtime does not know this virtual machine; close this window and open it again.</source>
        <translation>Le moteur d&apos;exécution de kvmgui ne connaît pas cette machine virtuelle&#xa0;; fermez cette fenêtre et rouvrez-la.</translation>
    </message>
    <message>
        <source>{0} ({1}, port {2})</source>
        <translation>{0} ({1}, port {2})</translation>
    </message>
    <message>
        <source>{0} — not plugged in</source>
        <translation>{0} — non branché</translation>
    </message>
    <message>
        <source>USB device {0} (port {1})</source>
        <translation>Périphérique USB {0} (port {1})</translation>
    </message>
</context>
<context>
    <name>VmActions</name>
    <message>
        <location filename="../../kvmgui/ui/vm_actions.py" line="+92"/>
        <source>&amp;New virtual machine…</source>
        <translation>&amp;Nouvelle machine virtuelle…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a virtual machine</source>
        <translation>Créer une machine virtuelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Start</source>
        <translation>Dé&amp;marrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the virtual machine</source>
        <translation>Démarrer la machine virtuelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+88"/>
        <source>&amp;Pause</source>
        <translation>Mettre en &amp;pause</translation>
    </message>
    <message>
        <location line="-86"/>
        <location line="+92"/>
        <source>Pause the virtual machine (it keeps its memory)</source>
        <translation>Mettre la machine virtuelle en pause (elle garde sa mémoire)</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Shut &amp;down</source>
        <translation>É&amp;teindre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the guest system to shut down, like pressing the power button</source>
        <translation>Demander au système invité de s&apos;éteindre, comme un appui sur le bouton d&apos;alimentation</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+213"/>
        <location line="+23"/>
        <source>&amp;Force off</source>
        <translation>&amp;Forcer l&apos;arrêt</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>Switch the virtual machine off at once, like pulling the plug (unsaved work in it is lost)</source>
        <translation>Couper la machine virtuelle immédiatement, comme si on la débranchait (le travail non enregistré est perdu)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>R&amp;eset</source>
        <translation>Réinitia&amp;liser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart the virtual machine at once, like the reset button</source>
        <translation>Redémarrer immédiatement la machine virtuelle, comme avec le bouton de réinitialisation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;console</source>
        <translation>Ouvrir la &amp;console</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the virtual machine&apos;s screen</source>
        <translation>Afficher l&apos;écran de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>De&amp;tails</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show and change the virtual machine&apos;s settings</source>
        <translation>Afficher et modifier les paramètres de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dele&amp;te…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the virtual machine (you choose whether to keep its disks)</source>
        <translation>Supprimer la machine virtuelle (vous choisissez de garder ou non ses disques)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Res&amp;ume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Let the virtual machine run again</source>
        <translation>Laisser la machine virtuelle reprendre son exécution</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The action could not be completed.</source>
        <translation>L&apos;action n&apos;a pas pu être menée à bien.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>kvmgui&apos;s runtime does not know the virtual machine {0}; reload the list and try again.</source>
        <translation>Le moteur d&apos;exécution de kvmgui ne connaît pas la machine virtuelle {0}&#xa0;; rechargez la liste et réessayez.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Starting {0}…</source>
        <translation>Démarrage de {0}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} was not started.</source>
        <translation>{0} n&apos;a pas été démarrée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} could not be started.</source>
        <translation>{0} n&apos;a pas pu être démarrée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} could not be resumed.</source>
        <translation>{0} n&apos;a pas pu reprendre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} could not be paused.</source>
        <translation>{0} n&apos;a pas pu être mise en pause.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Asking {0} to shut down…</source>
        <translation>Demande d&apos;extinction envoyée à {0}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0} could not be asked to shut down.</source>
        <translation>La demande d&apos;extinction n&apos;a pas pu être envoyée à {0}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} did not shut down.</source>
        <translation>{0} ne s&apos;est pas éteinte.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Keep it running</source>
        <translation>&amp;La laisser tourner</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Force {0} off?</source>
        <translation>Forcer l&apos;arrêt de {0}&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is like pulling the power plug: anything not saved inside the virtual machine is lost, and its disk may need checking at the next start. Shut down asks the system to stop cleanly instead.</source>
        <translation>C&apos;est comme débrancher la prise&#xa0;: tout ce qui n&apos;est pas enregistré dans la machine virtuelle est perdu, et son disque devra peut-être être vérifié au prochain démarrage. Éteindre demande plutôt au système de s&apos;arrêter proprement.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+57"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Do not ask again</source>
        <translation>Ne plus demander</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+29"/>
        <source>{0} could not be forced off.</source>
        <translation>L&apos;arrêt de {0} n&apos;a pas pu être forcé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} could not be reset.</source>
        <translation>{0} n&apos;a pas pu être réinitialisée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} is no longer in the VM folder.</source>
        <translation>{0} n&apos;est plus dans le dossier des machines virtuelles.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another program may have moved or deleted it; the list is reloaded.</source>
        <translation>Un autre programme l&apos;a peut-être déplacée ou supprimée&#xa0;; la liste est rechargée.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Delete the virtual machine {0}?</source>
        <translation>Supprimer la machine virtuelle {0}&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its settings and logs in {0} are removed. Disk images outside that folder are never touched.</source>
        <translation>Ses paramètres et ses journaux dans {0} sont supprimés. Les images disque situées hors de ce dossier ne sont jamais touchées.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep its disk images</source>
        <translation>&amp;Garder ses images disque</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+17"/>
        <source>{0} is running, so it was not deleted.</source>
        <translation>{0} est en marche, elle n&apos;a donc pas été supprimée.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Shut it down first, then delete it.</source>
        <translation>Éteignez-la d&apos;abord, puis supprimez-la.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} could not be deleted.</source>
        <translation>{0} n&apos;a pas pu être supprimée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted {0}; kept {1}.</source>
        <translation>{0} supprimée&#xa0;; {1} conservé(s).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted {0}.</source>
        <translation>{0} supprimée.</translation>
    </message>
    <message>
        <source>{0} was not deleted.</source>
        <translation>{0} n&apos;a pas été supprimée.</translation>
    </message>
    <message>
        <source>E&amp;xport as libvirt XML…</source>
        <translation>E&amp;xporter en XML libvirt…</translation>
    </message>
    <message>
        <source>Save the virtual machine as a libvirt domain (for virsh define or virt-manager)</source>
        <translation>Enregistrer la machine virtuelle comme domaine libvirt (pour virsh define ou virt-manager)</translation>
    </message>
    <message>
        <source>{0} was not exported.</source>
        <translation>{0} n&apos;a pas été exportée.</translation>
    </message>
    <message>
        <source>Export as libvirt XML</source>
        <translation>Exporter en XML libvirt</translation>
    </message>
    <message>
        <source>libvirt domain XML (*.xml)</source>
        <translation>XML de domaine libvirt (*.xml)</translation>
    </message>
    <message>
        <source>{0} was exported to {1}.</source>
        <translation>{0} a été exportée vers {1}.</translation>
    </message>
    <message>
        <source>What the libvirt XML does not hold:
{0}</source>
        <translation>Ce que le XML libvirt ne contient pas&#xa0;:
{0}</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>Dépla&amp;cer vers…</translation>
    </message>
    <message>
        <source>Copy the stopped virtual machine to a libvirt host (this computer&apos;s system libvirt or another computer); the one here is kept</source>
        <translation>Copier la machine virtuelle arrêtée vers un hôte libvirt (le libvirt système de cet ordinateur ou un autre ordinateur)&#xa0;; celle d&apos;ici est conservée</translation>
    </message>
    <message>
        <source>Its system ignored the power button, or is still busy. Force it off (like pulling the power plug: anything not saved inside it is lost), or keep it running and try again later.</source>
        <extracomment>kvmgui/ui/vm_actions.py</extracomment>
        <translation>Son système a ignoré le bouton d’alimentation, ou il est encore occupé. Forcez l’arrêt (comme débrancher la prise&#xa0;: tout ce qui n’est pas enregistré à l’intérieur est perdu), ou laissez-la tourner et réessayez plus tard.</translation>
    </message>
</context>
<context>
    <name>VmListModel</name>
    <message>
        <location filename="../../kvmgui/ui/models.py" line="+71"/>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shutting down</source>
        <translation>Extinction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crashed</source>
        <translation>Plantée</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Throwaway test</source>
        <translation>Test jetable</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used on this computer</source>
        <translation>Utilisée sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screen</source>
        <translation>Écran</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The memory the virtual machine has.</source>
        <translation>La mémoire dont dispose la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The memory QEMU takes on this computer while the virtual machine runs: the part of its memory the guest has used so far, plus QEMU&apos;s own.</source>
        <translation>La mémoire que QEMU occupe sur cet ordinateur pendant que la machine virtuelle est en marche&#xa0;: la part de sa mémoire que l&apos;invité a utilisée jusqu&apos;ici, plus celle de QEMU lui-même.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../kvmgui/ui/views.py" line="+148"/>
        <source>Cannot be read</source>
        <translation>Illisible</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A throwaway test: it disappears when it is switched off.</source>
        <translation>Un test jetable : il disparaît quand il est éteint.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Used on this computer: {0}</source>
        <translation>Utilisée sur cet ordinateur&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>No picture yet</source>
        <translation>Pas encore d&apos;image</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Advice: {0} (see Details)</source>
        <translation>Conseil&#xa0;: {0} (voir Détails)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Memory of the virtual machine: {0}.</source>
        <translation>Mémoire de la machine virtuelle&#xa0;: {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Used on this computer by QEMU (guest and QEMU itself): {0}.</source>
        <translation>Utilisée sur cet ordinateur par QEMU (l&apos;invité et QEMU lui-même)&#xa0;: {0}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Screen of {0}</source>
        <translation>Écran de {0}</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <extracomment>kvmgui/ui/models.py:228</extracomment>
        <translation>{0} — {1}</translation>
    </message>
</context>
<context>
    <name>VmViews</name>
    <message>
        <location filename="../../kvmgui/ui/views.py" line="+5"/>
        <source>{0} · CPU {1}</source>
        <translation>{0} · processeur {1}</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+29"/>
        <source>Virtual machines</source>
        <translation>Machines virtuelles</translation>
    </message>
</context>
<context>
    <name>VmWindow</name>
    <message>
        <location filename="../../kvmgui/ui/details.py" line="+65"/>
        <source>Views of the virtual machine</source>
        <translation>Vues de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Serial console log</source>
        <translation>Journal de la console série</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QEMU log</source>
        <translation>Journal de QEMU</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Overview</source>
        <translation>&amp;Vue d&apos;ensemble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hardware</source>
        <translation>&amp;Matériel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Performance</source>
        <translation>&amp;Performances</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Serial log</source>
        <translation>Journal &amp;série</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;QEMU log</source>
        <translation>Journal &amp;QEMU</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Virtual machine</source>
        <translation>Machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtual machine tools</source>
        <translation>Outils de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Apply or revert the changes on the Hardware page, then close the window.</source>
        <translation>Appliquez ou annulez les modifications de la page Matériel, puis fermez la fenêtre.</translation>
    </message>
    <message>
        <location filename="../../kvmgui/ui/media/entries.py" line="-63"/>
        <source>S&amp;napshots</source>
        <translation>I&amp;nstantanés</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../kvmgui/ui/widgets.py" line="+34"/>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+18"/>
        <source>&amp;Copy</source>
        <translation>Cop&amp;ier</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Copy {0}</source>
        <translation>Copier&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Bro&amp;wse…</source>
        <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse for {0}</source>
        <translation>Parcourir&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>core.advisor</name>
    <message>
        <location line="+2"/>
        <source>there is no item {part}</source>
        <extracomment>kvmgui/core/advisor.py:411; {part} = repr(part)</extracomment>
        <translation>il n&apos;y a pas d&apos;élément {part}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no setting {part}</source>
        <extracomment>kvmgui/core/advisor.py:418; {part} = repr(part)</extracomment>
        <translation>il n&apos;y a pas de paramètre {part}</translation>
    </message>
</context>
<context>
    <name>core.argv</name>
    <message>
        <location line="+2"/>
        <source>This QEMU ({caps}) does not know the machine type {machine} this VM was created with; update QEMU, or change the machine type in the VM&apos;s settings.</source>
        <extracomment>kvmgui/core/argv.py:120; {caps} = _version(caps)</extracomment>
        <translation>Ce QEMU ({caps}) ne connaît pas le type de machine {machine} avec lequel cette machine virtuelle a été créée&#xa0;; mettez QEMU à jour, ou changez le type de machine dans les paramètres de la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pinned machine type {machine} does not match the chosen {value} machine; choose the machine type again in the VM&apos;s settings.</source>
        <extracomment>kvmgui/core/argv.py:132; {value} = spec.machine.value</extracomment>
        <translation>Le type de machine fixé {machine} ne correspond pas à la machine {value} choisie&#xa0;; choisissez à nouveau le type de machine dans les paramètres de la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The memory size {memory_mib} MiB is not a positive number.</source>
        <extracomment>kvmgui/core/argv.py:160; {memory_mib} = spec.memory_mib</extracomment>
        <translation>La taille de mémoire {memory_mib} Mio n&apos;est pas un nombre positif.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number of CPUs {cpus} is not a positive number.</source>
        <extracomment>kvmgui/core/argv.py:168; {cpus} = spec.cpus</extracomment>
        <translation>Le nombre de processeurs {cpus} n&apos;est pas un nombre positif.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This VM uses UEFI firmware, which is not installed; install it with: sudo apt install ovmf</source>
        <extracomment>kvmgui/core/argv.py:193</extracomment>
        <translation>Cette machine virtuelle utilise le micrologiciel UEFI, qui n&apos;est pas installé&#xa0;; installez-le avec&#xa0;: sudo apt install ovmf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secure Boot UEFI firmware needs the Q35 machine type; choose Q35 in the VM&apos;s settings.</source>
        <extracomment>kvmgui/core/argv.py:206</extracomment>
        <translation>Le micrologiciel UEFI avec Secure Boot nécessite le type de machine Q35&#xa0;; choisissez Q35 dans les paramètres de la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (1 more problem in the extra arguments.)</source>
        <extracomment>kvmgui/core/argv.py:279</extracomment>
        <translation> (1 autre problème dans les arguments supplémentaires.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> ({more} more problems in the extra arguments.)</source>
        <extracomment>kvmgui/core/argv.py:282</extracomment>
        <translation> ({more} autres problèmes dans les arguments supplémentaires.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The command line would contain a control character in {arg}; rename the VM or file so it has none.</source>
        <extracomment>kvmgui/core/argv.py:319; {arg} = repr(arg)</extracomment>
        <translation>La ligne de commande contiendrait un caractère de contrôle dans {arg}&#xa0;; renommez la machine virtuelle ou le fichier pour qu&apos;il n&apos;y en ait plus.</translation>
    </message>
    <message>
        <source>&apos;{device}&apos; is not a USB device id.</source>
        <extracomment>kvmgui/core/argv.py</extracomment>
        <translation>{device} n&apos;est pas un identifiant de périphérique USB.</translation>
    </message>
    <message>
        <source>giving the VM USB devices of this computer</source>
        <extracomment>kvmgui/core/argv.py</extracomment>
        <translation>donner à la VM des périphériques USB de cet ordinateur</translation>
    </message>
    <message>
        <source>remove the USB devices from the VM&apos;s settings</source>
        <extracomment>kvmgui/core/argv.py</extracomment>
        <translation>retirez les périphériques USB des réglages de la VM</translation>
    </message>
</context>
<context>
    <name>core.argv_devices</name>
    <message>
        <location line="+2"/>
        <source>This QEMU has no {device} device, which {purpose} needs; {fix}.</source>
        <extracomment>kvmgui/core/argv_devices.py:37</extracomment>
        <translation>Ce QEMU n&apos;a pas de périphérique {device}, nécessaire pour {purpose}&#xa0;; {fix}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the USB controller</source>
        <extracomment>kvmgui/core/argv_devices.py:73</extracomment>
        <translation>le contrôleur USB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>turn USB off in the VM&apos;s settings</source>
        <extracomment>kvmgui/core/argv_devices.py:74</extracomment>
        <translation>désactivez l&apos;USB dans les paramètres de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the USB tablet</source>
        <extracomment>kvmgui/core/argv_devices.py:78</extracomment>
        <translation>la tablette USB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The port forward {host_port} → {guest_port} uses port {port}, but ports go from 1 to 65535.</source>
        <extracomment>kvmgui/core/argv_devices.py:104; {host_port} = fwd.host_port, {guest_port} = fwd.guest_port</extracomment>
        <translation>La redirection de port {host_port} → {guest_port} utilise le port {port}, mais les ports vont de 1 à 65535.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host port {host_port} ({protocol}) is forwarded twice; remove one of the two forwards.</source>
        <extracomment>kvmgui/core/argv_devices.py:118; {host_port} = fwd.host_port, {protocol} = fwd.protocol.value.upper()</extracomment>
        <translation>Le port hôte {host_port} ({protocol}) est redirigé deux fois&#xa0;; supprimez l&apos;une des deux redirections.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the network card</source>
        <extracomment>kvmgui/core/argv_devices.py:133</extracomment>
        <translation>la carte réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>choose another network card model</source>
        <extracomment>kvmgui/core/argv_devices.py:134</extracomment>
        <translation>choisissez un autre modèle de carte réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>turn sound off in the VM&apos;s settings</source>
        <extracomment>kvmgui/core/argv_devices.py:164</extracomment>
        <translation>désactivez le son dans les paramètres de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the chosen video card</source>
        <extracomment>kvmgui/core/argv_devices.py:192</extracomment>
        <translation>la carte graphique choisie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>choose the standard video card</source>
        <extracomment>kvmgui/core/argv_devices.py:193</extracomment>
        <translation>choisissez la carte graphique standard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This QEMU was built without SPICE; choose the VNC display.</source>
        <extracomment>kvmgui/core/argv_devices.py:207</extracomment>
        <translation>Ce QEMU a été compilé sans SPICE&#xa0;; choisissez l&apos;affichage VNC.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TPM emulator cannot use {what} {text} because its path contains a comma; rename the VM&apos;s folder without commas.</source>
        <extracomment>kvmgui/core/argv_devices.py:272</extracomment>
        <translation>L&apos;émulateur de TPM ne peut pas utiliser {what} {text} car son chemin contient une virgule&#xa0;; renommez le dossier de la machine virtuelle sans virgule.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the folder</source>
        <extracomment>kvmgui/core/argv_devices.py:293</extracomment>
        <translation>le dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the log file</source>
        <extracomment>kvmgui/core/argv_devices.py:296</extracomment>
        <translation>le fichier journal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the socket</source>
        <extracomment>kvmgui/core/argv_devices.py:299</extracomment>
        <translation>le socket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the pidfile</source>
        <extracomment>kvmgui/core/argv_devices.py:302</extracomment>
        <translation>le fichier PID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This VM needs a TPM, which needs the swtpm emulator; install it with: sudo apt install swtpm</source>
        <extracomment>kvmgui/core/argv_devices.py:324</extracomment>
        <translation>Cette machine virtuelle a besoin d&apos;un TPM, qui nécessite l&apos;émulateur swtpm&#xa0;; installez-le avec&#xa0;: sudo apt install swtpm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the TPM</source>
        <extracomment>kvmgui/core/argv_devices.py:331</extracomment>
        <translation>le TPM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>turn the TPM off in the VM&apos;s settings</source>
        <extracomment>kvmgui/core/argv_devices.py:332</extracomment>
        <translation>désactivez le TPM dans les paramètres de la machine virtuelle</translation>
    </message>
    <message>
        <source>clipboard sharing</source>
        <extracomment>kvmgui/core/argv_devices.py:247</extracomment>
        <translation>le partage du presse-papiers</translation>
    </message>
    <message>
        <source>turn clipboard sharing off</source>
        <extracomment>kvmgui/core/argv_devices.py:246</extracomment>
        <translation>désactivez le partage du presse-papiers</translation>
    </message>
    <message>
        <source>Clipboard sharing over VNC needs QEMU {needed} or newer (this is {version}); turn clipboard sharing off.</source>
        <extracomment>kvmgui/core/argv_devices.py:255</extracomment>
        <translation>Le partage du presse-papiers par VNC nécessite QEMU {needed} ou plus récent (celui-ci est en version {version})&#xa0;; désactivez le partage du presse-papiers.</translation>
    </message>
</context>
<context>
    <name>core.argv_extra</name>
    <message>
        <location line="+2"/>
        <source>kvmgui gives QEMU its own private monitor sockets, and another could expose the VM</source>
        <extracomment>kvmgui/core/argv_extra.py:30</extracomment>
        <translation>kvmgui donne à QEMU ses propres sockets de moniteur privés, et un autre pourrait exposer la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui sets up the display itself, on a private socket only this user can open</source>
        <extracomment>kvmgui/core/argv_extra.py:36</extracomment>
        <translation>kvmgui configure lui-même l&apos;affichage, sur un socket privé que seul cet utilisateur peut ouvrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU would guess the image format; add the disk in the VM&apos;s settings instead</source>
        <extracomment>kvmgui/core/argv_extra.py:42</extracomment>
        <translation>QEMU devinerait le format de l&apos;image&#xa0;; ajoutez plutôt le disque dans les paramètres de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui needs to manage the QEMU process itself</source>
        <extracomment>kvmgui/core/argv_extra.py:48</extracomment>
        <translation>kvmgui doit gérer lui-même le processus QEMU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it makes QEMU open a file or folder of this computer</source>
        <extracomment>kvmgui/core/argv_extra.py:51</extracomment>
        <translation>il fait ouvrir à QEMU un fichier ou un dossier de cet ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>extra character devices can open sockets or files outside kvmgui&apos;s control</source>
        <extracomment>kvmgui/core/argv_extra.py:60</extracomment>
        <translation>des périphériques caractère supplémentaires peuvent ouvrir des sockets ou des fichiers hors du contrôle de kvmgui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui already writes the serial console to the VM&apos;s log</source>
        <extracomment>kvmgui/core/argv_extra.py:66</extracomment>
        <translation>kvmgui écrit déjà la console série dans le journal de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a parallel port backend can open host devices or sockets</source>
        <extracomment>kvmgui/core/argv_extra.py:72</extracomment>
        <translation>une sortie de port parallèle peut ouvrir des périphériques ou des sockets de l&apos;hôte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a debug console backend can open host devices or sockets</source>
        <extracomment>kvmgui/core/argv_extra.py:78</extracomment>
        <translation>une sortie de console de débogage peut ouvrir des périphériques ou des sockets de l&apos;hôte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a console backend can open host devices or sockets</source>
        <extracomment>kvmgui/core/argv_extra.py:84</extracomment>
        <translation>une sortie de console peut ouvrir des périphériques ou des sockets de l&apos;hôte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the test interface gives full control of the VM to whoever connects</source>
        <extracomment>kvmgui/core/argv_extra.py:87</extracomment>
        <translation>l&apos;interface de test donne le contrôle total de la machine virtuelle à quiconque s&apos;y connecte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a debugger stub lets whoever connects control the guest</source>
        <extracomment>kvmgui/core/argv_extra.py:93</extracomment>
        <translation>un serveur de débogage permet à quiconque s&apos;y connecte de contrôler l&apos;invité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it opens a debugger port on TCP 1234 that anyone on the network can use</source>
        <extracomment>kvmgui/core/argv_extra.py:99</extracomment>
        <translation>il ouvre sur le port TCP 1234 un accès de débogage que n&apos;importe qui sur le réseau peut utiliser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it makes QEMU wait for a migration stream, which can arrive over the network</source>
        <extracomment>kvmgui/core/argv_extra.py:105</extracomment>
        <translation>il fait attendre à QEMU un flux de migration, qui peut arriver par le réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui decides itself when the guest starts running</source>
        <extracomment>kvmgui/core/argv_extra.py:123</extracomment>
        <translation>kvmgui décide lui-même quand l&apos;invité commence à tourner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a configuration file can add monitors and displays that this check cannot see</source>
        <extracomment>kvmgui/core/argv_extra.py:126</extracomment>
        <translation>un fichier de configuration peut ajouter des moniteurs et des affichages que cette vérification ne voit pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it can change the monitors and sockets kvmgui set up</source>
        <extracomment>kvmgui/core/argv_extra.py:132</extracomment>
        <translation>il peut modifier les moniteurs et les sockets mis en place par kvmgui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it loads a shared library into QEMU</source>
        <extracomment>kvmgui/core/argv_extra.py:137</extracomment>
        <translation>il charge une bibliothèque partagée dans QEMU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui sets up the TPM itself</source>
        <extracomment>kvmgui/core/argv_extra.py:138</extracomment>
        <translation>kvmgui configure lui-même le TPM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add disks in the VM&apos;s settings, where their format is recorded</source>
        <extracomment>kvmgui/core/argv_extra.py:150</extracomment>
        <translation>ajoutez les disques dans les paramètres de la VM, où leur format est enregistré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it makes QEMU write its log over a file of this computer</source>
        <extracomment>kvmgui/core/argv_extra.py:162</extracomment>
        <translation>il fait écrire à QEMU son journal par-dessus un fichier de cet ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui sets up the sound output itself</source>
        <extracomment>kvmgui/core/argv_extra.py:176</extracomment>
        <translation>kvmgui configure lui-même la sortie du son</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU no longer has this option; turn Sound on in the VM&apos;s settings instead</source>
        <extracomment>kvmgui/core/argv_extra.py:179</extracomment>
        <translation>QEMU n&apos;a plus cette option&#xa0;; activez plutôt le son dans les paramètres de la VM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU would print its help and exit instead of starting the VM</source>
        <extracomment>kvmgui/core/argv_extra.py:185</extracomment>
        <translation>QEMU afficherait son aide et quitterait au lieu de démarrer la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU would print its version and exit instead of starting the VM</source>
        <extracomment>kvmgui/core/argv_extra.py:197</extracomment>
        <translation>QEMU afficherait sa version et quitterait au lieu de démarrer la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port forwards listen on this computer; add them in the VM&apos;s network settings, which bind them to 127.0.0.1</source>
        <extracomment>kvmgui/core/argv_extra.py:465</extracomment>
        <translation>les redirections de ports écoutent sur cet ordinateur&#xa0;; ajoutez-les dans les paramètres réseau de la VM, qui les lient à 127.0.0.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a guest forward connects the guest to programs, sockets or files of this computer</source>
        <extracomment>kvmgui/core/argv_extra.py:472</extracomment>
        <translation>une redirection de l&apos;invité le relie à des programmes, des sockets ou des fichiers de cet ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it shares a folder of this computer with the guest</source>
        <extracomment>kvmgui/core/argv_extra.py:478</extracomment>
        <translation>il partage un dossier de cet ordinateur avec l&apos;invité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it only works with a shared folder of this computer</source>
        <extracomment>kvmgui/core/argv_extra.py:484</extracomment>
        <translation>il ne fonctionne qu&apos;avec un dossier partagé de cet ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extra argument {option} is not one of the extra arguments kvmgui allows: {reason}.</source>
        <extracomment>kvmgui/core/argv_extra.py:644</extracomment>
        <translation>L&apos;argument supplémentaire {option} ne fait pas partie de ceux que kvmgui autorise&#xa0;: {reason}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extra argument {shown} is not one of the extra arguments kvmgui allows; remove it, or set what it does in the VM&apos;s settings.</source>
        <extracomment>kvmgui/core/argv_extra.py:657</extracomment>
        <translation>L&apos;argument supplémentaire {shown} ne fait pas partie de ceux que kvmgui autorise&#xa0;; retirez-le, ou réglez ce qu&apos;il fait dans les paramètres de la VM.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extra argument {shown} is not one of the extra arguments kvmgui allows: {what} {name} is not on its list of safe ones ({allowed}).</source>
        <extracomment>kvmgui/core/argv_extra.py:670; {name} = name or &apos;(none)&apos;, {allowed} = &apos;, &apos;.join(sorted(allowed))</extracomment>
        <translation>L&apos;argument supplémentaire {shown} ne fait pas partie de ceux que kvmgui autorise&#xa0;: {what} {name} n&apos;est pas dans sa liste de ceux qui sont sûrs ({allowed}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extra argument {shown} is not one of the extra arguments kvmgui allows: the property {property} of {owner} can reach this computer or is not known to be safe; remove it (allowed: {listed}).</source>
        <extracomment>kvmgui/core/argv_extra.py:687; {property} = key or &apos;(unnamed)&apos;</extracomment>
        <translation>L&apos;argument supplémentaire {shown} ne fait pas partie de ceux que kvmgui autorise&#xa0;: la propriété {property} de {owner} peut accéder à cet ordinateur ou n&apos;est pas connue comme sûre&#xa0;; retirez-la (autorisées&#xa0;: {listed}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extra argument {shown} is not one of the extra arguments kvmgui allows: {value} is not a value kvmgui accepts for {key}; write a plain word or number.</source>
        <extracomment>kvmgui/core/argv_extra.py:704; {value} = repr(value)</extracomment>
        <translation>L&apos;argument supplémentaire {shown} ne fait pas partie de ceux que kvmgui autorise&#xa0;: {value} n&apos;est pas une valeur que kvmgui accepte pour {key}&#xa0;; écrivez un simple mot ou un nombre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the device</source>
        <extracomment>kvmgui/core/argv_extra.py:779</extracomment>
        <translation>le périphérique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the object type</source>
        <extracomment>kvmgui/core/argv_extra.py:747</extracomment>
        <translation>le type d&apos;objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the back-end</source>
        <extracomment>kvmgui/core/argv_extra.py:748</extracomment>
        <translation>le moteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the CPU model</source>
        <extracomment>kvmgui/core/argv_extra.py:788</extracomment>
        <translation>le modèle de processeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a CPU feature</source>
        <extracomment>kvmgui/core/argv_extra.py:793</extracomment>
        <translation>une fonction du processeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui reads only the key=value form of option values, not JSON; write it as key=value pairs</source>
        <extracomment>kvmgui/core/argv_extra.py:804</extracomment>
        <translation>kvmgui ne lit les valeurs d&apos;options que sous la forme clé=valeur, pas en JSON&#xa0;; écrivez-les en paires clé=valeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An extra argument is empty; remove it.</source>
        <extracomment>kvmgui/core/argv_extra.py:846</extracomment>
        <translation>Un argument supplémentaire est vide&#xa0;; supprimez-le.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extra argument {token} contains a control character; remove it.</source>
        <extracomment>kvmgui/core/argv_extra.py:853; {token} = repr(token)</extracomment>
        <translation>L&apos;argument supplémentaire {token} contient un caractère de contrôle&#xa0;; supprimez-le.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extra argument {token} is not an option: QEMU would open it as a disk image and guess its format; add disks in the VM&apos;s settings instead.</source>
        <extracomment>kvmgui/core/argv_extra.py:879</extracomment>
        <translation>L&apos;argument supplémentaire {token} n&apos;est pas une option&#xa0;: QEMU l&apos;ouvrirait comme image disque en devinant son format&#xa0;; ajoutez plutôt les disques dans les paramètres de la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extra argument -{expecting_value_for} is missing its value.</source>
        <extracomment>kvmgui/core/argv_extra.py:897</extracomment>
        <translation>Il manque la valeur de l&apos;argument supplémentaire -{expecting_value_for}.</translation>
    </message>
</context>
<context>
    <name>core.argv_storage</name>
    <message>
        <location line="+2"/>
        <source>There is no free SATA port left for {what}: a Q35 machine has five for disks; move a disk to the virtio bus.</source>
        <extracomment>kvmgui/core/argv_storage.py:105</extracomment>
        <translation>Il ne reste aucun port SATA libre pour {what}&#xa0;: une machine Q35 en a cinq pour les disques&#xa0;; passez un disque sur le bus virtio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no free IDE slot left for {what}: a classic PC has three for disks (the fourth is the CD drive); move a disk to the SATA or virtio bus.</source>
        <extracomment>kvmgui/core/argv_storage.py:115</extracomment>
        <translation>Il ne reste aucun emplacement IDE libre pour {what}&#xa0;: un PC classique en a trois pour les disques (le quatrième est le lecteur CD)&#xa0;; passez un disque sur le bus SATA ou virtio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no free SATA port left for {what}; move a disk to the virtio bus.</source>
        <extracomment>kvmgui/core/argv_storage.py:137</extracomment>
        <translation>Il ne reste aucun port SATA libre pour {what}&#xa0;; passez un disque sur le bus virtio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} is read-only, which IDE and SATA disks cannot be; use the virtio or USB bus, or make it a throwaway disk instead.</source>
        <extracomment>kvmgui/core/argv_storage.py:159; {what} = _opening(what)</extracomment>
        <translation>{What} est en lecture seule, ce que les disques IDE et SATA ne peuvent pas être&#xa0;; utilisez le bus virtio ou USB, ou faites-en plutôt un disque jetable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This QEMU has no {device} device, which {purpose} needs; choose another bus or install a complete QEMU (sudo apt install qemu-system-x86).</source>
        <extracomment>kvmgui/core/argv_storage.py:248</extracomment>
        <translation>Ce QEMU n&apos;a pas de périphérique {device}, nécessaire pour {purpose}&#xa0;; choisissez un autre bus ou installez un QEMU complet (sudo apt install qemu-system-x86).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} has a backing file, which only qcow2 disks can have; convert it to qcow2 or remove the backing file.</source>
        <extracomment>kvmgui/core/argv_storage.py:346; {what} = _opening(what)</extracomment>
        <translation>{What} a un fichier de base, ce que seuls les disques qcow2 peuvent avoir&#xa0;; convertissez-le en qcow2 ou retirez le fichier de base.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} has a backing file of unknown format; QEMU must not guess it, so set the backing format (qcow2 or raw) in the VM&apos;s definition.</source>
        <extracomment>kvmgui/core/argv_storage.py:357; {what} = _opening(what)</extracomment>
        <translation>{What} a un fichier de base de format inconnu&#xa0;; QEMU ne doit pas le deviner, indiquez donc le format de base (qcow2 ou raw) dans la définition de la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk {i} ({file})</source>
        <extracomment>kvmgui/core/argv_storage.py:397; {i} = i + 1, {file} = os.path.basename(disk.path) or disk.path</extracomment>
        <translation>disque {i} ({file})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} on the {value} bus</source>
        <extracomment>kvmgui/core/argv_storage.py:403; {value} = disk.bus.value</extracomment>
        <translation>{what} sur le bus {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a SATA disk on a classic PC</source>
        <extracomment>kvmgui/core/argv_storage.py:446</extracomment>
        <translation>un disque SATA sur un PC classique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the CD/DVD drive</source>
        <extracomment>kvmgui/core/argv_storage.py:468</extracomment>
        <translation>le lecteur CD/DVD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CD/DVD drive has no ISO file chosen; pick one or choose an empty drive.</source>
        <extracomment>kvmgui/core/argv_storage.py:473</extracomment>
        <translation>Aucun fichier ISO n&apos;est choisi pour le lecteur CD/DVD&#xa0;; choisissez-en un ou choisissez un lecteur vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CD/DVD drive has no host drive chosen; pick one or choose an empty drive.</source>
        <extracomment>kvmgui/core/argv_storage.py:478</extracomment>
        <translation>Aucun lecteur de l&apos;hôte n&apos;est choisi pour le lecteur CD/DVD&#xa0;; choisissez-en un ou choisissez un lecteur vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the passed-through USB stick</source>
        <extracomment>kvmgui/core/argv_storage.py:510</extracomment>
        <translation>la clé USB transmise</translation>
    </message>
</context>
<context>
    <name>core.atomic</name>
    <message>
        <location line="+2"/>
        <source>not a regular file</source>
        <extracomment>kvmgui/core/atomic.py:136</extracomment>
        <translation>ce n&apos;est pas un fichier ordinaire</translation>
    </message>
</context>
<context>
    <name>core.blockdevs</name>
    <message>
        <location line="+2"/>
        <source>lsblk printed a device entry in an unknown form.</source>
        <extracomment>kvmgui/core/blockdevs.py:125</extracomment>
        <translation>lsblk a affiché une entrée de périphérique sous une forme inconnue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lsblk printed a device without a name.</source>
        <extracomment>kvmgui/core/blockdevs.py:130</extracomment>
        <translation>lsblk a affiché un périphérique sans nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lsblk printed something that is not JSON.</source>
        <extracomment>kvmgui/core/blockdevs.py:159</extracomment>
        <translation>lsblk a affiché quelque chose qui n&apos;est pas du JSON.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lsblk&apos;s output has no device list.</source>
        <extracomment>kvmgui/core/blockdevs.py:163</extracomment>
        <translation>La sortie de lsblk ne contient pas de liste de périphériques.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removable disk</source>
        <extracomment>kvmgui/core/blockdevs.py:255</extracomment>
        <translation>Disque amovible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CD/DVD drive</source>
        <extracomment>kvmgui/core/blockdevs.py:257</extracomment>
        <translation>Lecteur CD/DVD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk</source>
        <extracomment>kvmgui/core/blockdevs.py:258</extracomment>
        <translation>Disque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no medium</source>
        <extracomment>kvmgui/core/blockdevs.py:260</extracomment>
        <translation>pas de support</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{point} (read-only)</source>
        <extracomment>kvmgui/core/blockdevs.py:339</extracomment>
        <translation>{point} (lecture seule)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{point} (read-write)</source>
        <extracomment>kvmgui/core/blockdevs.py:342</extracomment>
        <translation>{point} (lecture-écriture)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer runs from this disk (it holds {points}); giving it to a VM would destroy the running system.</source>
        <extracomment>kvmgui/core/blockdevs.py:370; {points} = &apos;, &apos;.join(system)</extracomment>
        <translation>Cet ordinateur fonctionne depuis ce disque (il contient {points})&#xa0;; le donner à une machine virtuelle détruirait le système en marche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer uses this disk as swap space, so a VM must not have it.</source>
        <extracomment>kvmgui/core/blockdevs.py:381</extracomment>
        <translation>Cet ordinateur utilise ce disque comme espace d&apos;échange (swap), une machine virtuelle ne doit donc pas l&apos;avoir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is not a removable USB disk or CD/DVD drive.</source>
        <extracomment>kvmgui/core/blockdevs.py:389</extracomment>
        <translation>Ce n&apos;est ni un disque USB amovible ni un lecteur CD/DVD.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is a {type} device, not a removable disk or CD/DVD drive.</source>
        <extracomment>kvmgui/core/blockdevs.py:393; {type} = node.type</extracomment>
        <translation>C&apos;est un périphérique {type}, pas un disque amovible ni un lecteur CD/DVD.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is mounted with write access at {points}. Eject or unmount it first: the computer and the VM writing to it at once would corrupt it.</source>
        <extracomment>kvmgui/core/blockdevs.py:403; {points} = &apos;, &apos;.join(writable)</extracomment>
        <translation>Il est monté en écriture sur {points}. Éjectez-le ou démontez-le d&apos;abord&#xa0;: l&apos;ordinateur et la machine virtuelle qui y écriraient en même temps l&apos;abîmeraient.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is mounted read-only on this computer.</source>
        <extracomment>kvmgui/core/blockdevs.py:414</extracomment>
        <translation>Il est monté en lecture seule sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No medium is inserted (an empty card reader?). Insert the card or stick.</source>
        <extracomment>kvmgui/core/blockdevs.py:420</extracomment>
        <translation>Aucun support n&apos;est inséré (un lecteur de cartes vide&#xa0;?). Insérez la carte ou la clé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No disc is inserted.</source>
        <extracomment>kvmgui/core/blockdevs.py:427</extracomment>
        <translation>Aucun disque n&apos;est inséré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is write-protected.</source>
        <extracomment>kvmgui/core/blockdevs.py:429</extracomment>
        <translation>Il est protégé en écriture.</translation>
    </message>
</context>
<context>
    <name>core.boot</name>
    <message>
        <location line="+2"/>
        <source>It starts from the CD/DVD for the installation, then from the disk once the system is installed.</source>
        <extracomment>kvmgui/core/boot.py:99</extracomment>
        <translation>Elle démarre sur le CD/DVD pour l&apos;installation, puis sur le disque une fois le système installé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It starts from the disk first.</source>
        <extracomment>kvmgui/core/boot.py:112</extracomment>
        <translation>Elle démarre d&apos;abord sur le disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It starts from the CD/DVD first.</source>
        <extracomment>kvmgui/core/boot.py:114</extracomment>
        <translation>Elle démarre d&apos;abord sur le CD/DVD.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It starts from the USB stick first.</source>
        <extracomment>kvmgui/core/boot.py:116</extracomment>
        <translation>Elle démarre d&apos;abord sur la clé USB.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It has no disk, CD/DVD or USB stick listed to start from.</source>
        <extracomment>kvmgui/core/boot.py:118</extracomment>
        <translation>Aucun disque, CD/DVD ni clé USB n&apos;est indiqué pour démarrer.</translation>
    </message>
</context>
<context>
    <name>core.chain_rule</name>
    <message>
        <location line="+2"/>
        <source>{image} keeps its data in another file ({data_file}), which kvmgui does not support: kvmgui will not let a VM read it.</source>
        <extracomment>kvmgui/core/chain_rule.py:127; {data_file} = shown(link.data_file)</extracomment>
        <translation>{image} garde ses données dans un autre fichier ({data_file}), ce que kvmgui ne prend pas en charge&#xa0;: kvmgui ne laissera aucune machine virtuelle le lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s base is &apos;{backing_file}&apos;, which is not a file name but an instruction to QEMU: kvmgui will not let a VM open it.</source>
        <extracomment>kvmgui/core/chain_rule.py:143; {backing_file} = shown(link.backing_file, 120)</extracomment>
        <translation>La base de {image} est «&#xa0;{backing_file}&#xa0;», qui n&apos;est pas un nom de fichier mais une instruction pour QEMU&#xa0;: kvmgui ne laissera aucune machine virtuelle l&apos;ouvrir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image} does not record the format of its base {name}, so QEMU would have to guess it: record it first with qemu-img rebase -u -F qcow2 (or raw) -b {backing_file} {image}.</source>
        <extracomment>kvmgui/core/chain_rule.py:153; {name} = shown(name), {backing_file} = shown(link.backing_file)</extracomment>
        <translation>{image} n&apos;enregistre pas le format de sa base {name}, que QEMU devrait donc deviner&#xa0;: enregistrez-le d&apos;abord avec qemu-img rebase -u -F qcow2 (ou raw) -b {backing_file} {image}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image} says its base {name} is a &apos;{backing_format}&apos; image, which is not a disk image format: kvmgui will not let a VM open it.</source>
        <extracomment>kvmgui/core/chain_rule.py:165; {name} = shown(name), {backing_format} = shown(link.backing_format, 40)</extracomment>
        <translation>{image} indique que sa base {name} est une image «&#xa0;{backing_format}&#xa0;», ce qui n&apos;est pas un format d&apos;image disque&#xa0;: kvmgui ne laissera aucune machine virtuelle l&apos;ouvrir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s base {name} could not be checked: try again.</source>
        <extracomment>kvmgui/core/chain_rule.py:177; {name} = shown(name)</extracomment>
        <translation>La base {name} de {image} n&apos;a pas pu être vérifiée&#xa0;: réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s bases loop back to {base}, so the image is damaged: use another one.</source>
        <extracomment>kvmgui/core/chain_rule.py:194</extracomment>
        <translation>Les bases de {image} reviennent en boucle sur {base}, l&apos;image est donc endommagée&#xa0;: utilisez-en une autre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image} sits on more than {limit} bases in a row, more than kvmgui follows: kvmgui will not let a VM open it.</source>
        <extracomment>kvmgui/core/chain_rule.py:204; {limit} = MAX_CHAIN</extracomment>
        <translation>{image} repose sur plus de {limit} bases à la suite, plus que kvmgui n&apos;en suit&#xa0;: kvmgui ne laissera aucune machine virtuelle l&apos;ouvrir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s base {base} does not exist: put the base image back where it was, or use another image.</source>
        <extracomment>kvmgui/core/chain_rule.py:219</extracomment>
        <translation>La base {base} de {image} n&apos;existe pas&#xa0;: remettez l&apos;image de base à sa place, ou utilisez une autre image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s base {base} cannot be checked: make sure it is one of your images and that you can read it.</source>
        <extracomment>kvmgui/core/chain_rule.py:229</extracomment>
        <translation>La base {base} de {image} ne peut pas être vérifiée&#xa0;: assurez-vous que c&apos;est l&apos;une de vos images et que vous pouvez la lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s base {base} is a device, not one of your images: kvmgui will not let a VM read it.</source>
        <extracomment>kvmgui/core/chain_rule.py:239</extracomment>
        <translation>La base {base} de {image} est un périphérique, pas l&apos;une de vos images&#xa0;: kvmgui ne laissera aucune machine virtuelle la lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s base {base} is a system file, not one of your images: kvmgui will not let a VM read it.</source>
        <extracomment>kvmgui/core/chain_rule.py:249</extracomment>
        <translation>La base {base} de {image} est un fichier du système, pas l&apos;une de vos images&#xa0;: kvmgui ne laissera aucune machine virtuelle la lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s base {base} is not an image file: kvmgui will not let a VM read it.</source>
        <extracomment>kvmgui/core/chain_rule.py:259</extracomment>
        <translation>La base {base} de {image} n&apos;est pas un fichier image&#xa0;: kvmgui ne laissera aucune machine virtuelle la lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s base {base} belongs to another user, not one of your images: kvmgui will not let a VM read it.</source>
        <extracomment>kvmgui/core/chain_rule.py:268</extracomment>
        <translation>La base {base} de {image} appartient à un autre utilisateur, ce n&apos;est pas l&apos;une de vos images&#xa0;: kvmgui ne laissera aucune machine virtuelle la lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s base {base} is in a hidden folder, where settings and keys are kept, not images: kvmgui will not let a VM read it.</source>
        <extracomment>kvmgui/core/chain_rule.py:284</extracomment>
        <translation>La base {base} de {image} est dans un dossier caché, où sont rangés des réglages et des clés, pas des images&#xa0;: kvmgui ne laissera aucune machine virtuelle la lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image}&apos;s base {base} is not a whole number of disk sectors, so it is no disk image: kvmgui will not let a VM read it.</source>
        <extracomment>kvmgui/core/chain_rule.py:294</extracomment>
        <translation>La base {base} de {image} ne compte pas un nombre entier de secteurs de disque, ce n&apos;est donc pas une image disque&#xa0;: kvmgui ne laissera aucune machine virtuelle la lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image} reads part of its data from {part}, which is not a file of the image&apos;s own folder: kvmgui will not let a VM read it.</source>
        <extracomment>kvmgui/core/chain_rule.py:319; {part} = shown(part)</extracomment>
        <translation>{image} lit une partie de ses données dans {part}, qui n&apos;est pas un fichier du dossier de l&apos;image&#xa0;: kvmgui ne laissera aucune machine virtuelle le lire.</translation>
    </message>
</context>
<context>
    <name>core.clones</name>
    <message>
        <location line="-270"/>
        <source>delete</source>
        <extracomment>kvmgui/core/clones.py:373</extracomment>
        <translation>supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rename</source>
        <extracomment>kvmgui/core/clones.py:374</extracomment>
        <translation>renommer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>make</source>
        <extracomment>kvmgui/core/clones.py:375</extracomment>
        <translation>rendre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shrink</source>
        <extracomment>kvmgui/core/clones.py:376</extracomment>
        <translation>réduire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revert a snapshot of</source>
        <extracomment>kvmgui/core/clones.py:377</extracomment>
        <translation>revenir à un instantané de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk {index} now opens read-only</source>
        <extracomment>kvmgui/core/clones.py:161; {index} = index + 1</extracomment>
        <translation>le disque {index} s&apos;ouvre désormais en lecture seule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk {index} ({value}, which cannot be read-only) is now throwaway: the VM still starts, but its changes vanish when it stops</source>
        <extracomment>kvmgui/core/clones.py:165; {index} = index + 1, {value} = disk.bus.value</extracomment>
        <translation>le disque {index} ({value}, qui ne peut pas être en lecture seule) est désormais jetable&#xa0;: la machine virtuelle démarre toujours, mais ses modifications disparaissent à l&apos;arrêt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; has no disk, so there is nothing to clone: create a new VM instead.</source>
        <extracomment>kvmgui/core/clones.py:178; {name} = shown(base.name)</extracomment>
        <translation>La machine virtuelle «&#xa0;{name}&#xa0;» n&apos;a pas de disque, il n&apos;y a donc rien à cloner&#xa0;: créez plutôt une nouvelle machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {i} of &apos;{name}&apos; is the host device {path}; a linked clone needs disk image files.</source>
        <extracomment>kvmgui/core/clones.py:188; {i} = i + 1, {name} = shown(base.name), {path} = shown(str(path))</extracomment>
        <translation>Le disque {i} de «&#xa0;{name}&#xa0;» est le périphérique de l&apos;hôte {path}&#xa0;; un clone lié nécessite des fichiers d&apos;image disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linked clone of {name}.</source>
        <extracomment>kvmgui/core/clones.py:237; {name} = base.name</extracomment>
        <translation>Clone lié de {name}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{names} and {last}</source>
        <extracomment>kvmgui/core/clones.py:386; {names} = &apos;, &apos;.join(quoted[:-1]), {last} = quoted[-1]</extracomment>
        <translation>{names} et {last}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot {action} {what}: the linked clones {clones} are built on its disk and would stop working. Delete those VMs first.</source>
        <extracomment>kvmgui/core/clones.py:405; {action} = verb, {clones} = _quoted_list(dependents)</extracomment>
        <translation>Impossible de {action} {what}&#xa0;: les clones liés {clones} reposent sur son disque et cesseraient de fonctionner. Supprimez d&apos;abord ces machines virtuelles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot {action} {what}: the linked clone {clones} is built on its disk and would stop working. Delete that VM first.</source>
        <extracomment>kvmgui/core/clones.py:400; {action} = verb, {clones} = _quoted_list(dependents)</extracomment>
        <translation>Impossible de {action} {what}&#xa0;: le clone lié {clones} repose sur son disque et cesserait de fonctionner. Supprimez d&apos;abord cette machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, {actual_size} on disk</source>
        <extracomment>kvmgui/core/clones.py:431; {actual_size} = Size(link.actual_size)</extracomment>
        <translation>, {actual_size} sur le disque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — disk of {vms}</source>
        <extracomment>kvmgui/core/clones.py:436; {vms} = &apos;, &apos;.join((repr(v) for v in vms))</extracomment>
        <translation> — disque de {vms}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{indent}   warning: the format of its base is not recorded; QEMU would have to guess it.</source>
        <extracomment>kvmgui/core/clones.py:442; {indent} = &apos;   &apos; * depth</extracomment>
        <translation>{indent}   avertissement&#xa0;: le format de sa base n&apos;est pas enregistré&#xa0;; QEMU devrait le deviner.</translation>
    </message>
</context>
<context>
    <name>core.copy_device</name>
    <message>
        <location line="+2"/>
        <source>add yourself to the disk group (sudo adduser $USER disk, then log out and in again), or run the copy as root: sudo kvmgui-cli copy-to-device …</source>
        <extracomment>kvmgui/core/copy_device.py:44</extracomment>
        <translation>ajoutez-vous au groupe disk (sudo adduser $USER disk, puis fermez la session et rouvrez-la), ou lancez la copie en root&#xa0;: sudo kvmgui-cli copy-to-device …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An image path must not contain NUL characters.</source>
        <extracomment>kvmgui/core/copy_device.py:104</extracomment>
        <translation>Un chemin d&apos;image ne doit pas contenir de caractère NUL.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{fmt} is not an image format kvmgui reads.</source>
        <extracomment>kvmgui/core/copy_device.py:108; {fmt} = repr(fmt)</extracomment>
        <translation>{fmt} n&apos;est pas un format d&apos;image que kvmgui sait lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{target} is {size} but the image needs {needed_size}: choose a target of at least {needed_size}.</source>
        <extracomment>kvmgui/core/copy_device.py:156; {target} = shown(target), {size} = Size(size), {needed_size} = Size(needed)</extracomment>
        <translation>{target} fait {size} mais l&apos;image a besoin de {needed_size}&#xa0;: choisissez une cible d&apos;au moins {needed_size}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{target} is {size} but the image needs {needed_size}: choose a target of at least {needed_size}, or make the volume larger (sudo lvextend -L {gib}G {target}).</source>
        <extracomment>kvmgui/core/copy_device.py:145; {target} = shown(target), {size} = Size(size), {needed_size} = Size(needed), {gib} = _gib_up(needed)</extracomment>
        <translation>{target} fait {size} mais l&apos;image a besoin de {needed_size}&#xa0;: choisissez une cible d&apos;au moins {needed_size}, ou agrandissez le volume (sudo lvextend -L {gib}G {target}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} does not exist: check the name (lsblk lists the block devices, sudo lvs the logical volumes).</source>
        <extracomment>kvmgui/core/copy_device.py:226</extracomment>
        <translation>{name} n&apos;existe pas&#xa0;: vérifiez le nom (lsblk liste les périphériques de bloc, sudo lvs les volumes logiques).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a folder; choose a block device, a logical volume or a file.</source>
        <extracomment>kvmgui/core/copy_device.py:235</extracomment>
        <translation>{name} est un dossier&#xa0;; choisissez un périphérique de bloc, un volume logique ou un fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is neither a block device nor a regular file.</source>
        <extracomment>kvmgui/core/copy_device.py:243</extracomment>
        <translation>{name} n&apos;est ni un périphérique de bloc ni un fichier ordinaire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is the image itself (or one of its bases); choose another target.</source>
        <extracomment>kvmgui/core/copy_device.py:251</extracomment>
        <translation>{name} est l&apos;image elle-même (ou l&apos;une de ses bases)&#xa0;; choisissez une autre cible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a CD/DVD drive, which cannot be written like a disk.</source>
        <extracomment>kvmgui/core/copy_device.py:262</extracomment>
        <translation>{name} est un lecteur CD/DVD, sur lequel on ne peut pas écrire comme sur un disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a compressed RAM disk, not a place to keep a disk.</source>
        <extracomment>kvmgui/core/copy_device.py:270</extracomment>
        <translation>{name} est un disque compressé en mémoire vive (zram), pas un endroit où garder un disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a {type} device, which kvmgui does not write disk images onto.</source>
        <extracomment>kvmgui/core/copy_device.py:278; {type} = node.type</extracomment>
        <translation>{name} est un périphérique {type}, sur lequel kvmgui n&apos;écrit pas d&apos;images disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer runs from {name} (it holds {points}); writing to it would destroy the running system.</source>
        <extracomment>kvmgui/core/copy_device.py:288; {points} = &apos;, &apos;.join(usage.system)</extracomment>
        <translation>Cet ordinateur fonctionne depuis {name} (il contient {points})&#xa0;; y écrire détruirait le système en marche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is used as swap space by this computer; turn that off (sudo swapoff) before writing to it.</source>
        <extracomment>kvmgui/core/copy_device.py:298</extracomment>
        <translation>{name} sert d&apos;espace d&apos;échange (swap) à cet ordinateur&#xa0;; désactivez-le (sudo swapoff) avant d&apos;y écrire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is mounted at {points}: unmount it first (for example: sudo umount {point}), so that this computer and the copy do not both write to it.</source>
        <extracomment>kvmgui/core/copy_device.py:307; {points} = &apos;, &apos;.join(usage.mounted), {point} = shown(usage.mounted[0])</extracomment>
        <translation>{name} est monté sur {points}&#xa0;: démontez-le d&apos;abord (par exemple&#xa0;: sudo umount {point}), pour que cet ordinateur et la copie n&apos;y écrivent pas tous les deux.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is in use by {holders}; deactivate those first (sudo vgchange -an, cryptsetup close), or choose another target.</source>
        <extracomment>kvmgui/core/copy_device.py:318; {holders} = &apos;, &apos;.join(usage.holders)</extracomment>
        <translation>{name} est utilisé par {holders}&#xa0;; désactivez-les d&apos;abord (sudo vgchange -an, cryptsetup close), ou choisissez une autre cible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is write-protected (read-only); release the lock switch or choose another target.</source>
        <extracomment>kvmgui/core/copy_device.py:328</extracomment>
        <translation>{name} est protégé en écriture (lecture seule)&#xa0;; déverrouillez le loquet de protection ou choisissez une autre cible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not write to {name}; {fix}.</source>
        <extracomment>kvmgui/core/copy_device.py:341; {fix} = DISK_GROUP_FIX</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;écrire sur {name}&#xa0;; {fix}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not write to {name}: make it writable (chmod u+w) or choose another file.</source>
        <extracomment>kvmgui/core/copy_device.py:347</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;écrire sur {name}&#xa0;: rendez-le accessible en écriture (chmod u+w) ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything on {path} will be overwritten.</source>
        <extracomment>kvmgui/core/copy_device.py:360; {path} = shown(facts.path)</extracomment>
        <translation>Tout ce que contient {path} sera écrasé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its partitions ({partitions}) will be overwritten too.</source>
        <extracomment>kvmgui/core/copy_device.py:368; {partitions} = &apos;, &apos;.join(parts)</extracomment>
        <translation>Ses partitions ({partitions}) seront écrasées aussi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target is larger ({size}) than the image ({image_size}); the rest of it is left as it was.</source>
        <extracomment>kvmgui/core/copy_device.py:376; {size} = Size(facts.size), {image_size} = Size(virtual_size)</extracomment>
        <translation>La cible ({size}) est plus grande que l&apos;image ({image_size})&#xa0;; le reste est laissé tel quel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing to {path} destroys everything on it; to confirm, type its name ({hint}) again.</source>
        <extracomment>kvmgui/core/copy_device.py:394; {path} = shown(facts.path), {hint} = shown(hint)</extracomment>
        <translation>Écrire sur {path} détruit tout ce qu&apos;il contient&#xa0;; pour confirmer, tapez à nouveau son nom ({hint}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The confirmation &apos;{confirm}&apos; does not match the target {path}; type {hint} to confirm, or check that you chose the right target.</source>
        <extracomment>kvmgui/core/copy_device.py:403; {confirm} = shown(confirm), {path} = shown(facts.path), {hint} = shown(hint)</extracomment>
        <translation>La confirmation «&#xa0;{confirm}&#xa0;» ne correspond pas à la cible {path}&#xa0;; tapez {hint} pour confirmer, ou vérifiez que vous avez choisi la bonne cible.</translation>
    </message>
</context>
<context>
    <name>core.definition</name>
    <message>
        <source>'shares[{i}].path' must be an absolute path on one line</source>
        <extracomment>kvmgui/core/definition.py</extracomment>
        <translation>« shares[{i}].path » doit être un chemin absolu sur une seule ligne</translation>
    </message>
    <message>
        <source>'shares[{i}].tag' must be 1 to 31 letters, digits, '-' or '_'</source>
        <extracomment>kvmgui/core/definition.py</extracomment>
        <translation>« shares[{i}].tag » doit compter 1 à 31 lettres, chiffres, « - » ou « _ »</translation>
    </message>
    <message>
        <source>'shares[{i}].tag' '{tag}' is used twice</source>
        <extracomment>kvmgui/core/definition.py</extracomment>
        <translation>« shares[{i}].tag » « {tag} » est utilisé deux fois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM definition {source} cannot be used: {reason}.</source>
        <extracomment>kvmgui/core/definition.py:101</extracomment>
        <translation>La définition de machine virtuelle {source} est inutilisable&#xa0;: {reason}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <extracomment>kvmgui/core/definition.py:157</extracomment>
        <translation>un nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a list</source>
        <extracomment>kvmgui/core/definition.py:161</extracomment>
        <translation>une liste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <extracomment>kvmgui/core/definition.py:163</extracomment>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; must be a list, not {data}</source>
        <extracomment>kvmgui/core/definition.py:213; {data} = _describe(data)</extracomment>
        <translation>«&#xa0;{where}&#xa0;» doit être une liste, pas {data}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; has {count} entries, more than the {limit} allowed</source>
        <extracomment>kvmgui/core/definition.py:220; {count} = len(data)</extracomment>
        <translation>«&#xa0;{where}&#xa0;» a {count} entrées, plus que les {limit} autorisées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; must be one of {allowed}, not {data}</source>
        <extracomment>kvmgui/core/definition.py:236; {data} = _describe(data)</extracomment>
        <translation>«&#xa0;{where}&#xa0;» doit valoir l&apos;un de {allowed}, pas {data}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; is &apos;{data}&apos;, which is not one of {allowed}</source>
        <extracomment>kvmgui/core/definition.py:248; {data} = _quote(data)</extracomment>
        <translation>«&#xa0;{where}&#xa0;» vaut «&#xa0;{data}&#xa0;», qui ne fait pas partie de {allowed}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; must be true or false, not {data}</source>
        <extracomment>kvmgui/core/definition.py:259; {data} = _describe(data)</extracomment>
        <translation>«&#xa0;{where}&#xa0;» doit valoir true ou false, pas {data}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; must be a whole number, not {data}</source>
        <extracomment>kvmgui/core/definition.py:270; {data} = _describe(data)</extracomment>
        <translation>«&#xa0;{where}&#xa0;» doit être un nombre entier, pas {data}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a huge number</source>
        <extracomment>kvmgui/core/definition.py:280</extracomment>
        <translation>un nombre énorme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; is {shown}, outside the range {lo} to {hi}</source>
        <extracomment>kvmgui/core/definition.py:283</extracomment>
        <translation>«&#xa0;{where}&#xa0;» vaut {shown}, hors de l&apos;intervalle {lo} à {hi}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; must be text, not {data}</source>
        <extracomment>kvmgui/core/definition.py:296; {data} = _describe(data)</extracomment>
        <translation>«&#xa0;{where}&#xa0;» doit être du texte, pas {data}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; is {count} characters long, more than the {limit} allowed</source>
        <extracomment>kvmgui/core/definition.py:303; {count} = len(data)</extracomment>
        <translation>«&#xa0;{where}&#xa0;» fait {count} caractères, plus que les {limit} autorisés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; contains a NUL character</source>
        <extracomment>kvmgui/core/definition.py:313</extracomment>
        <translation>«&#xa0;{where}&#xa0;» contient un caractère NUL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{where}&apos; contains characters that are not valid Unicode</source>
        <extracomment>kvmgui/core/definition.py:320</extracomment>
        <translation>«&#xa0;{where}&#xa0;» contient des caractères Unicode invalides</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file</source>
        <extracomment>kvmgui/core/definition.py:334</extracomment>
        <translation>le fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} must be a JSON object, not {data}</source>
        <extracomment>kvmgui/core/definition.py:337; {data} = _describe(data)</extracomment>
        <translation>{What} doit être un objet JSON, pas {data}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the key &apos;{prefix}{shown}&apos; is unknown (check its spelling)</source>
        <extracomment>kvmgui/core/definition.py:348</extracomment>
        <translation>la clé «&#xa0;{prefix}{shown}&#xa0;» est inconnue (vérifiez son orthographe)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the required key &apos;{prefix}{key}&apos; is missing</source>
        <extracomment>kvmgui/core/definition.py:358</extracomment>
        <translation>la clé obligatoire «&#xa0;{prefix}{key}&#xa0;» est absente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;id&apos; must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <extracomment>kvmgui/core/definition.py:375</extracomment>
        <translation>«&#xa0;id&#xa0;» doit comporter de 1 à 64 lettres, chiffres, «&#xa0;-&#xa0;» ou «&#xa0;_&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;name&apos; is empty</source>
        <extracomment>kvmgui/core/definition.py:381</extracomment>
        <translation>«&#xa0;name&#xa0;» est vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;name&apos; contains &apos;/&apos;</source>
        <extracomment>kvmgui/core/definition.py:383</extracomment>
        <translation>«&#xa0;name&#xa0;» contient «&#xa0;/&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;machine_version&apos; is &apos;{mv}&apos;, which is not a QEMU machine type</source>
        <extracomment>kvmgui/core/definition.py:387; {mv} = _quote(mv)</extracomment>
        <translation>«&#xa0;machine_version&#xa0;» vaut «&#xa0;{mv}&#xa0;», qui n&apos;est pas un type de machine QEMU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it must be a JSON object, not {data}</source>
        <extracomment>kvmgui/core/definition.py:421; {data} = _describe(data)</extracomment>
        <translation>il doit s&apos;agir d&apos;un objet JSON, pas de {data}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has no &apos;{key}&apos; number</source>
        <extracomment>kvmgui/core/definition.py:427; {key} = VERSION_KEY</extracomment>
        <translation>il n&apos;a pas de numéro «&#xa0;{key}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it was made by a newer kvmgui (schema {version}; this one reads up to {newest}): update kvmgui to use this VM</source>
        <extracomment>kvmgui/core/definition.py:432; {newest} = SCHEMA_VERSION</extracomment>
        <translation>il a été créé par un kvmgui plus récent (schéma {version}&#xa0;; celui-ci lit jusqu&apos;au {newest})&#xa0;: mettez kvmgui à jour pour utiliser cette machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its schema version {version} does not exist</source>
        <extracomment>kvmgui/core/definition.py:442</extracomment>
        <translation>son numéro de schéma {version} n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the key &apos;version&apos; is unknown (check its spelling)</source>
        <extracomment>kvmgui/core/definition.py:449</extracomment>
        <translation>la clé «&#xa0;version&#xa0;» est inconnue (vérifiez son orthographe)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{key}&apos; is &apos;{value}&apos;, which is not one of {allowed}</source>
        <extracomment>kvmgui/core/definition.py:518; {value} = _quote(value)</extracomment>
        <translation>«&#xa0;{key}&#xa0;» vaut «&#xa0;{value}&#xa0;», qui ne fait pas partie de {allowed}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the key &apos;{shown}&apos; is unknown in a schema 1 file</source>
        <extracomment>kvmgui/core/definition.py:533</extracomment>
        <translation>la clé «&#xa0;{shown}&#xa0;» est inconnue dans un fichier de schéma 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the required key &apos;name&apos; is missing</source>
        <extracomment>kvmgui/core/definition.py:541</extracomment>
        <translation>la clé obligatoire «&#xa0;name&#xa0;» est absente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{key}&apos; has the wrong type ({value})</source>
        <extracomment>kvmgui/core/definition.py:548; {value} = _describe(value)</extracomment>
        <translation>«&#xa0;{key}&#xa0;» n&apos;a pas le bon type ({value})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;os&apos; is &apos;{value}&apos;, which is not one of {allowed}</source>
        <extracomment>kvmgui/core/definition.py:560; {value} = _quote(v[&apos;os&apos;]), {allowed} = &apos;, &apos;.join(_V1_OS)</extracomment>
        <translation>«&#xa0;os&#xa0;» vaut «&#xa0;{value}&#xa0;», qui ne fait pas partie de {allowed}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;boot&apos; is &apos;{value}&apos;, which is not one of c, d</source>
        <extracomment>kvmgui/core/definition.py:568; {value} = _quote(v[&apos;boot&apos;])</extracomment>
        <translation>«&#xa0;boot&#xa0;» vaut «&#xa0;{value}&#xa0;», qui ne fait pas partie de c, d</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;redir[{i}]&apos; must look like tcp:2222::22</source>
        <extracomment>kvmgui/core/definition.py:594</extracomment>
        <translation>«&#xa0;redir[{i}]&#xa0;» doit ressembler à tcp:2222::22</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;net&apos; is &apos;{value}&apos;, which is not one of user, none</source>
        <extracomment>kvmgui/core/definition.py:601; {value} = _quote(v[&apos;net&apos;])</extracomment>
        <translation>«&#xa0;net&#xa0;» vaut «&#xa0;{value}&#xa0;», qui ne fait pas partie de user, none</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;args&apos; cannot be split into arguments ({exc})</source>
        <extracomment>kvmgui/core/definition.py:613</extracomment>
        <translation>«&#xa0;args&#xa0;» ne peut pas être découpé en arguments ({exc})</translation>
    </message>
    <message>
        <source>&apos;{where}&apos; is &apos;{value}&apos;, which is not four hex digits</source>
        <extracomment>kvmgui/core/definition.py</extracomment>
        <translation>«&#xa0;{where}&#xa0;» vaut «&#xa0;{value}&#xa0;», qui n&apos;est pas fait de quatre chiffres hexadécimaux</translation>
    </message>
    <message>
        <source>the USB device {device} is listed twice in &apos;usb_devices&apos;</source>
        <extracomment>kvmgui/core/definition.py</extracomment>
        <translation>le périphérique USB {device} figure deux fois dans «&#xa0;usb_devices&#xa0;»</translation>
    </message>
</context>
<context>
    <name>core.hostcheck</name>
    <message>
        <source>virtiofsd needs newuidmap to run as a normal user, so the folder is shared with 9p; install it with: sudo apt install uidmap</source>
        <extracomment>kvmgui/core/hostcheck.py</extracomment>
        <translation>virtiofsd a besoin de newuidmap pour fonctionner en utilisateur normal : le dossier est donc partagé avec 9p ; installez-le avec : sudo apt install uidmap</translation>
    </message>
    <message>
        <source>The installed virtiofsd (from QEMU 7.2) only runs as root, so the folder is shared with 9p; the newer virtiofsd package runs as a normal user.</source>
        <extracomment>kvmgui/core/hostcheck.py</extracomment>
        <translation>Le virtiofsd installé (celui de QEMU 7.2) ne fonctionne qu’en root : le dossier est donc partagé avec 9p ; le paquet virtiofsd plus récent fonctionne en utilisateur normal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log out and back in (or restart the computer).</source>
        <extracomment>kvmgui/core/hostcheck.py:120</extracomment>
        <translation>Fermez la session et rouvrez-la (ou redémarrez l&apos;ordinateur).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turn on virtualization (VT-x/AMD-V) in the computer&apos;s BIOS/UEFI settings, then restart.</source>
        <extracomment>kvmgui/core/hostcheck.py:124</extracomment>
        <translation>Activez la virtualisation (VT-x/AMD-V) dans les réglages BIOS/UEFI de l&apos;ordinateur, puis redémarrez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer is itself a virtual machine: turn on nested virtualization for it in the program that runs it.</source>
        <extracomment>kvmgui/core/hostcheck.py:133</extracomment>
        <translation>Cet ordinateur est lui-même une machine virtuelle&#xa0;: activez pour lui la virtualisation imbriquée dans le programme qui le fait tourner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you are in the kvm group, but this login session started before you were added</source>
        <extracomment>kvmgui/core/hostcheck.py:311</extracomment>
        <translation>vous êtes dans le groupe kvm, mais cette session a été ouverte avant que vous y soyez ajouté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it belongs to group {owner} with mode {mode}, which the kvm group cannot open</source>
        <extracomment>kvmgui/core/hostcheck.py:326</extracomment>
        <translation>il appartient au groupe {owner} avec les droits {mode}, que le groupe kvm ne peut pas ouvrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you are not in the kvm group</source>
        <extracomment>kvmgui/core/hostcheck.py:338</extracomment>
        <translation>vous n&apos;êtes pas dans le groupe kvm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>after adding yourself, log out and back in</source>
        <extracomment>kvmgui/core/hostcheck.py:340</extracomment>
        <translation>après vous y être ajouté, fermez la session et rouvrez-la</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the CPU shows no VT-x/AMD-V flag (vmx/svm) and the loaded KVM module is kvm_pvm, which cannot run ordinary guests</source>
        <extracomment>kvmgui/core/hostcheck.py:351</extracomment>
        <translation>le processeur n&apos;affiche pas l&apos;indicateur VT-x/AMD-V (vmx/svm) et le module KVM chargé est kvm_pvm, qui ne peut pas faire tourner des invités ordinaires</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this computer is a virtual machine without nested virtualization (its CPU shows no VT-x/AMD-V flag, vmx/svm)</source>
        <extracomment>kvmgui/core/hostcheck.py:361</extracomment>
        <translation>cet ordinateur est une machine virtuelle sans virtualisation imbriquée (son processeur n&apos;affiche pas l&apos;indicateur VT-x/AMD-V, vmx/svm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the CPU shows no VT-x/AMD-V flag (vmx/svm): virtualization is switched off in the firmware settings or the CPU lacks it</source>
        <extracomment>kvmgui/core/hostcheck.py:371</extracomment>
        <translation>le processeur n&apos;affiche pas l&apos;indicateur VT-x/AMD-V (vmx/svm)&#xa0;: la virtualisation est désactivée dans les réglages du micrologiciel ou le processeur ne la prend pas en charge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm does not exist</source>
        <extracomment>kvmgui/core/hostcheck.py:391</extracomment>
        <translation>/dev/kvm n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm does not exist because the {module} module is not loaded</source>
        <extracomment>kvmgui/core/hostcheck.py:395</extracomment>
        <translation>/dev/kvm n&apos;existe pas car le module {module} n&apos;est pas chargé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm is not a device file</source>
        <extracomment>kvmgui/core/hostcheck.py:405</extracomment>
        <translation>/dev/kvm n&apos;est pas un fichier de périphérique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you are not allowed to use /dev/kvm because {why}</source>
        <extracomment>kvmgui/core/hostcheck.py:410</extracomment>
        <translation>vous n&apos;avez pas le droit d&apos;utiliser /dev/kvm car {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm could not be opened ({kvm_open_errno})</source>
        <extracomment>kvmgui/core/hostcheck.py:419; {kvm_open_errno} = _errno_text(raw.kvm_open_errno)</extracomment>
        <translation>/dev/kvm n&apos;a pas pu être ouvert ({kvm_open_errno})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm did not answer the KVM version query</source>
        <extracomment>kvmgui/core/hostcheck.py:429</extracomment>
        <translation>/dev/kvm n&apos;a pas répondu à la demande de version de KVM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm reports KVM API version {version} instead of {expected}</source>
        <extracomment>kvmgui/core/hostcheck.py:434; {version} = raw.kvm_api_version, {expected} = KVM_API_VERSION</extracomment>
        <translation>/dev/kvm indique la version {version} de l&apos;API KVM au lieu de {expected}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another hypervisor (VirtualBox or VMware) is holding VT-x/AMD-V</source>
        <extracomment>kvmgui/core/hostcheck.py:446</extracomment>
        <translation>un autre hyperviseur (VirtualBox ou VMware) monopolise VT-x/AMD-V</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no answer</source>
        <extracomment>kvmgui/core/hostcheck.py:457</extracomment>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KVM could not create a virtual machine ({detail})</source>
        <extracomment>kvmgui/core/hostcheck.py:460</extracomment>
        <translation>KVM n&apos;a pas pu créer de machine virtuelle ({detail})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the loaded KVM module is kvm_pvm, which cannot run ordinary guests</source>
        <extracomment>kvmgui/core/hostcheck.py:475</extracomment>
        <translation>le module KVM chargé est kvm_pvm, qui ne peut pas faire tourner des invités ordinaires</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit VirtualBox or VMware and try again.</source>
        <extracomment>kvmgui/core/hostcheck.py:504</extracomment>
        <translation>Quittez VirtualBox ou VMware et réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VT-x (vmx)</source>
        <extracomment>kvmgui/core/hostcheck.py:516</extracomment>
        <translation>VT-x (vmx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AMD-V (svm)</source>
        <extracomment>kvmgui/core/hostcheck.py:517</extracomment>
        <translation>AMD-V (svm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CPU has {flag} and /dev/kvm can create virtual machines, so auto uses KVM and guests run at nearly native speed.</source>
        <extracomment>kvmgui/core/hostcheck.py:520</extracomment>
        <translation>Le processeur dispose de {flag} et /dev/kvm peut créer des machines virtuelles&#xa0;: auto utilise donc KVM et les invités tournent à une vitesse proche de la vitesse native.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reason}, so auto uses TCG (software emulation) and guests will run much slower.</source>
        <extracomment>kvmgui/core/hostcheck.py:531; {reason} = _opening(clause)</extracomment>
        <translation>{reason}&#xa0;: auto utilise donc TCG (émulation logicielle) et les invités seront beaucoup plus lents.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hardware acceleration</source>
        <extracomment>kvmgui/core/hostcheck.py:658</extracomment>
        <translation>Accélération matérielle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer can use hardware acceleration, so virtual machines run at nearly full speed.</source>
        <extracomment>kvmgui/core/hostcheck.py:662</extracomment>
        <translation>Cet ordinateur peut utiliser l&apos;accélération matérielle, les machines virtuelles tournent donc presque à pleine vitesse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer can&apos;t use hardware acceleration, so virtual machines will run slowly.</source>
        <extracomment>kvmgui/core/hostcheck.py:670</extracomment>
        <translation>Cet ordinateur ne peut pas utiliser l&apos;accélération matérielle, les machines virtuelles seront donc lentes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processor</source>
        <extracomment>kvmgui/core/hostcheck.py:689</extracomment>
        <translation>Processeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intel VT-x (vmx flag)</source>
        <extracomment>kvmgui/core/hostcheck.py:692</extracomment>
        <translation>Intel VT-x (drapeau vmx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AMD-V (svm flag)</source>
        <extracomment>kvmgui/core/hostcheck.py:693</extracomment>
        <translation>AMD-V (drapeau svm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The processor supports hardware virtualization.</source>
        <extracomment>kvmgui/core/hostcheck.py:696</extracomment>
        <translation>Le processeur prend en charge la virtualisation matérielle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CPU supports {flag}.</source>
        <extracomment>kvmgui/core/hostcheck.py:702</extracomment>
        <translation>Le processeur prend en charge {flag}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer is a virtual machine that does not pass hardware virtualization on to its own virtual machines.</source>
        <extracomment>kvmgui/core/hostcheck.py:710</extracomment>
        <translation>Cet ordinateur est une machine virtuelle qui ne transmet pas la virtualisation matérielle à ses propres machines virtuelles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CPU shows the hypervisor flag but no VT-x/AMD-V flag (vmx/svm).</source>
        <extracomment>kvmgui/core/hostcheck.py:718</extracomment>
        <translation>Le processeur affiche le drapeau hypervisor mais aucun drapeau VT-x/AMD-V (vmx/svm).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hardware virtualization is switched off in the BIOS/UEFI settings, or this processor does not have it.</source>
        <extracomment>kvmgui/core/hostcheck.py:727</extracomment>
        <translation>La virtualisation matérielle est désactivée dans les réglages BIOS/UEFI, ou ce processeur ne l&apos;a pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CPU shows no VT-x/AMD-V flag (vmx/svm).</source>
        <extracomment>kvmgui/core/hostcheck.py:735</extracomment>
        <translation>Le processeur n&apos;affiche aucun drapeau VT-x/AMD-V (vmx/svm).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtualization driver</source>
        <extracomment>kvmgui/core/hostcheck.py:741</extracomment>
        <translation>Pilote de virtualisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not tell whether the virtualization driver is loaded.</source>
        <extracomment>kvmgui/core/hostcheck.py:746</extracomment>
        <translation>Impossible de savoir si le pilote de virtualisation est chargé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither /proc/modules nor /sys/module could be read.</source>
        <extracomment>kvmgui/core/hostcheck.py:752</extracomment>
        <translation>Ni /proc/modules ni /sys/module n&apos;ont pu être lus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtualization driver is loaded.</source>
        <extracomment>kvmgui/core/hostcheck.py:762</extracomment>
        <translation>Le pilote de virtualisation est chargé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The loaded virtualization driver cannot run ordinary operating systems.</source>
        <extracomment>kvmgui/core/hostcheck.py:773</extracomment>
        <translation>Le pilote de virtualisation chargé ne peut pas faire tourner des systèmes d&apos;exploitation ordinaires.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The loaded KVM module is kvm_pvm, a KVM flavour that only runs specially prepared guest kernels.</source>
        <extracomment>kvmgui/core/hostcheck.py:781</extracomment>
        <translation>Le module KVM chargé est kvm_pvm, une variante de KVM qui ne fait tourner que des noyaux invités spécialement préparés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtualization driver is not loaded because the processor does not offer hardware virtualization.</source>
        <extracomment>kvmgui/core/hostcheck.py:792</extracomment>
        <translation>Le pilote de virtualisation n&apos;est pas chargé car le processeur n&apos;offre pas la virtualisation matérielle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No KVM module (kvm_intel or kvm_amd) is loaded and the CPU shows no vmx/svm flag.</source>
        <extracomment>kvmgui/core/hostcheck.py:800</extracomment>
        <translation>Aucun module KVM (kvm_intel ou kvm_amd) n&apos;est chargé et le processeur n&apos;affiche aucun drapeau vmx/svm.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtualization driver is not loaded.</source>
        <extracomment>kvmgui/core/hostcheck.py:810</extracomment>
        <translation>Le pilote de virtualisation n&apos;est pas chargé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Virtualization device</source>
        <extracomment>kvmgui/core/hostcheck.py:820</extracomment>
        <translation>Périphérique de virtualisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtualization device is missing, so hardware acceleration can&apos;t be used.</source>
        <extracomment>kvmgui/core/hostcheck.py:826</extracomment>
        <translation>Le périphérique de virtualisation est absent, l&apos;accélération matérielle ne peut donc pas être utilisée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm does not exist.</source>
        <extracomment>kvmgui/core/hostcheck.py:832</extracomment>
        <translation>/dev/kvm n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtualization device is broken, so hardware acceleration can&apos;t be used.</source>
        <extracomment>kvmgui/core/hostcheck.py:838</extracomment>
        <translation>Le périphérique de virtualisation est défectueux, l&apos;accélération matérielle ne peut donc pas être utilisée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm exists but is not a device file.</source>
        <extracomment>kvmgui/core/hostcheck.py:846</extracomment>
        <translation>/dev/kvm existe mais n&apos;est pas un fichier de périphérique.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>You were added to the kvm group, but that only counts after you log out and back in.</source>
        <extracomment>kvmgui/core/hostcheck.py:875</extracomment>
        <translation>Vous avez été ajouté au groupe kvm, mais cela ne compte qu&apos;après vous être déconnecté puis reconnecté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtualization device has the wrong permissions, so nobody can use it.</source>
        <extracomment>kvmgui/core/hostcheck.py:884</extracomment>
        <translation>Le périphérique de virtualisation a de mauvaises permissions, personne ne peut donc l&apos;utiliser.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are not allowed to use hardware acceleration until you join the kvm group and log in again.</source>
        <extracomment>kvmgui/core/hostcheck.py:891</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;utiliser l&apos;accélération matérielle tant que vous n&apos;avez pas rejoint le groupe kvm et ne vous êtes pas reconnecté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another virtualization program (VirtualBox or VMware) is using the processor&apos;s virtualization, so it can&apos;t be used here now.</source>
        <extracomment>kvmgui/core/hostcheck.py:901</extracomment>
        <translation>Un autre programme de virtualisation (VirtualBox ou VMware) utilise la virtualisation du processeur, elle ne peut donc pas être utilisée ici pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtualization device could not be opened.</source>
        <extracomment>kvmgui/core/hostcheck.py:910</extracomment>
        <translation>Le périphérique de virtualisation n&apos;a pas pu être ouvert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtualization device did not answer as expected.</source>
        <extracomment>kvmgui/core/hostcheck.py:914</extracomment>
        <translation>Le périphérique de virtualisation n&apos;a pas répondu comme prévu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A test virtual machine could not be created.</source>
        <extracomment>kvmgui/core/hostcheck.py:920</extracomment>
        <translation>Une machine virtuelle de test n&apos;a pas pu être créée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Virtualization test</source>
        <extracomment>kvmgui/core/hostcheck.py:925</extracomment>
        <translation>Test de virtualisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not checked, because the virtualization device is missing.</source>
        <extracomment>kvmgui/core/hostcheck.py:930</extracomment>
        <translation>Non vérifié, car le périphérique de virtualisation est absent.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>You are the administrator (root), so no group membership is needed.</source>
        <extracomment>kvmgui/core/hostcheck.py:994</extracomment>
        <translation>Vous êtes l&apos;administrateur (root), aucune appartenance à un groupe n&apos;est donc nécessaire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This system has no kvm group, so access is granted some other way.</source>
        <extracomment>kvmgui/core/hostcheck.py:1004</extracomment>
        <translation>Ce système n&apos;a pas de groupe kvm, l&apos;accès est donc accordé autrement.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You can use hardware acceleration from this desktop, but not over SSH unless you join the kvm group and log in again.</source>
        <extracomment>kvmgui/core/hostcheck.py:1031</extracomment>
        <translation>Vous pouvez utiliser l&apos;accélération matérielle depuis ce bureau, mais pas par SSH à moins de rejoindre le groupe kvm et de vous reconnecter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desktop session reaches /dev/kvm through an access list (uaccess), which remote logins do not get.</source>
        <extracomment>kvmgui/core/hostcheck.py:1039</extracomment>
        <translation>Cette session de bureau accède à /dev/kvm grâce à une liste d&apos;accès (uaccess), que les connexions à distance n&apos;obtiennent pas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other virtualization programs</source>
        <extracomment>kvmgui/core/hostcheck.py:1059</extracomment>
        <translation>Autres programmes de virtualisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VirtualBox cannot start its virtual machines while this program&apos;s virtualization driver is loaded.</source>
        <extracomment>kvmgui/core/hostcheck.py:1070</extracomment>
        <translation>VirtualBox ne peut pas démarrer ses machines virtuelles tant que le pilote de virtualisation de ce programme est chargé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VirtualBox and these virtual machines cannot run at the same time, so quit every VirtualBox machine before starting one here, and the other way round.</source>
        <extracomment>kvmgui/core/hostcheck.py:1097</extracomment>
        <translation>VirtualBox et ces machines virtuelles ne peuvent pas tourner en même temps&#xa0;: quittez toutes les machines VirtualBox avant d&apos;en démarrer une ici, et inversement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>VirtualBox&apos;s vboxdrv driver is loaded.</source>
        <extracomment>kvmgui/core/hostcheck.py:1110</extracomment>
        <translation>Le pilote vboxdrv de VirtualBox est chargé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VMware and these virtual machines cannot run at the same time.</source>
        <extracomment>kvmgui/core/hostcheck.py:1117</extracomment>
        <translation>VMware et ces machines virtuelles ne peuvent pas tourner en même temps.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>VMware&apos;s vmmon driver is loaded.</source>
        <extracomment>kvmgui/core/hostcheck.py:1129</extracomment>
        <translation>Le pilote vmmon de VMware est chargé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not tell whether VirtualBox or VMware is running.</source>
        <extracomment>kvmgui/core/hostcheck.py:1135</extracomment>
        <translation>Impossible de savoir si VirtualBox ou VMware est en cours d&apos;exécution.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No VirtualBox or VMware driver is in the way.</source>
        <extracomment>kvmgui/core/hostcheck.py:1143</extracomment>
        <translation>Aucun pilote VirtualBox ou VMware ne gêne.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running inside a virtual machine</source>
        <extracomment>kvmgui/core/hostcheck.py:1149</extracomment>
        <translation>Exécution dans une machine virtuelle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The virtual hardware is {dmi_product_name}.</source>
        <extracomment>kvmgui/core/hostcheck.py:1156; {dmi_product_name} = raw.dmi_product_name</extracomment>
        <translation>Le matériel virtuel est {dmi_product_name}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer is itself a virtual machine, so its virtual machines run slower than on real hardware.</source>
        <extracomment>kvmgui/core/hostcheck.py:1164</extracomment>
        <translation>Cet ordinateur est lui-même une machine virtuelle, ses machines virtuelles tournent donc plus lentement que sur du vrai matériel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CPU shows vmx/svm: nested virtualization is available.</source>
        <extracomment>kvmgui/core/hostcheck.py:1171</extracomment>
        <translation>Le processeur affiche vmx/svm&#xa0;: la virtualisation imbriquée est disponible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer is itself a virtual machine without nested virtualization.</source>
        <extracomment>kvmgui/core/hostcheck.py:1180</extracomment>
        <translation>Cet ordinateur est lui-même une machine virtuelle sans virtualisation imbriquée.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Your desktop has a sound server, but QEMU lacks its sound module, so guest sound is off.</source>
        <extracomment>kvmgui/core/hostcheck.py:1375</extracomment>
        <translation>Votre bureau a un serveur de son, mais il manque à QEMU son module de son, le son des invités est donc coupé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest sound plays through your desktop&apos;s sound server.</source>
        <extracomment>kvmgui/core/hostcheck.py:1387</extracomment>
        <translation>Le son des invités passe par le serveur de son de votre bureau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU uses its PulseAudio driver (pa) with the socket {pulse_socket}.</source>
        <extracomment>kvmgui/core/hostcheck.py:1393; {pulse_socket} = raw.pulse_socket</extracomment>
        <translation>QEMU utilise son pilote PulseAudio (pa) avec le socket {pulse_socket}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your desktop&apos;s sound system lacks the part QEMU plays sound through, so guest sound is off.</source>
        <extracomment>kvmgui/core/hostcheck.py:1409</extracomment>
        <translation>Il manque au système de son de votre bureau la partie par laquelle QEMU joue le son, le son des invités est donc coupé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PipeWire runs without its PulseAudio service (pipewire-pulse): there is no PulseAudio socket.</source>
        <extracomment>kvmgui/core/hostcheck.py:1417</extracomment>
        <translation>PipeWire tourne sans son service PulseAudio (pipewire-pulse)&#xa0;: il n&apos;y a pas de socket PulseAudio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sound server was found for this desktop session, so guest sound is off.</source>
        <extracomment>kvmgui/core/hostcheck.py:1427</extracomment>
        <translation>Aucun serveur de son n&apos;a été trouvé pour cette session de bureau, le son des invités est donc coupé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither a PulseAudio nor a PipeWire socket exists in this session&apos;s runtime folder.</source>
        <extracomment>kvmgui/core/hostcheck.py:1433</extracomment>
        <translation>Aucun socket PulseAudio ni PipeWire n&apos;existe dans le dossier d&apos;exécution de cette session.</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>The {name} module is loaded.</source>
        <extracomment>kvmgui/core/hostcheck.py:765</extracomment>
        <translation>Le module {name} est chargé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The {module} module is not loaded.</source>
        <extracomment>kvmgui/core/hostcheck.py:813</extracomment>
        <translation>Le module {module} n&apos;est pas chargé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>, mode {dev_kvm_mode}</source>
        <extracomment>kvmgui/core/hostcheck.py:850; {dev_kvm_mode} = format(raw.dev_kvm_mode, &apos;04o&apos;)</extracomment>
        <translation>, droits {dev_kvm_mode}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>group {dev_kvm_group}</source>
        <extracomment>kvmgui/core/hostcheck.py:854; {dev_kvm_group} = raw.dev_kvm_group</extracomment>
        <translation>groupe {dev_kvm_group}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown group</source>
        <extracomment>kvmgui/core/hostcheck.py:856</extracomment>
        <translation>groupe inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The virtualization device exists.</source>
        <extracomment>kvmgui/core/hostcheck.py:859</extracomment>
        <translation>Le périphérique de virtualisation existe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm exists ({group}{mode}).</source>
        <extracomment>kvmgui/core/hostcheck.py:862</extracomment>
        <translation>/dev/kvm existe ({group}{mode}).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{clause}, so KVM cannot create VMs until you quit it or unload its driver</source>
        <extracomment>kvmgui/core/hostcheck.py:944</extracomment>
        <translation>{clause}, KVM ne peut donc pas créer de machines virtuelles tant que vous ne le quittez pas ou ne déchargez pas son pilote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A test virtual machine was created, but ordinary operating systems would not run in it.</source>
        <extracomment>kvmgui/core/hostcheck.py:959</extracomment>
        <translation>Une machine virtuelle de test a été créée, mais des systèmes d&apos;exploitation ordinaires n&apos;y tourneraient pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm created a test VM, but it belongs to kvm_pvm, which cannot run ordinary guests.</source>
        <extracomment>kvmgui/core/hostcheck.py:967</extracomment>
        <translation>/dev/kvm a créé une machine virtuelle de test, mais il appartient à kvm_pvm, qui ne peut pas faire tourner des invités ordinaires.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A test virtual machine was created successfully.</source>
        <extracomment>kvmgui/core/hostcheck.py:976</extracomment>
        <translation>Une machine virtuelle de test a bien été créée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/dev/kvm opened, reports API version {version} and created a test VM.</source>
        <extracomment>kvmgui/core/hostcheck.py:979; {version} = KVM_API_VERSION</extracomment>
        <translation>/dev/kvm s&apos;est ouvert, indique la version {version} de l&apos;API et a créé une machine virtuelle de test.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvm group</source>
        <extracomment>kvmgui/core/hostcheck.py:989</extracomment>
        <translation>Groupe kvm</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You are in the kvm group.</source>
        <extracomment>kvmgui/core/hostcheck.py:1012</extracomment>
        <translation>Vous êtes dans le groupe kvm.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You were added to the kvm group, but this login session started before that.</source>
        <extracomment>kvmgui/core/hostcheck.py:1018</extracomment>
        <translation>Vous avez été ajouté au groupe kvm, mais cette session a été ouverte avant.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You are not in the kvm group; after adding yourself, log out and back in.</source>
        <extracomment>kvmgui/core/hostcheck.py:1049</extracomment>
        <translation>Vous n&apos;êtes pas dans le groupe kvm&#xa0;; après vous y être ajouté, fermez la session et rouvrez-la.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>VirtualBox&apos;s vboxdrv driver is loaded, and on Linux 6.12 or newer KVM holds VT-x/AMD-V from the moment its module loads, so VirtualBox fails with VERR_VMX_IN_VMX_ROOT_MODE (or VERR_SVM_IN_USE) while KVM is loaded, and KVM cannot start guests while a VirtualBox VM runs.</source>
        <extracomment>kvmgui/core/hostcheck.py:1085</extracomment>
        <translation>Le pilote vboxdrv de VirtualBox est chargé, et avec Linux 6.12 ou plus récent KVM monopolise VT-x/AMD-V dès le chargement de son module&#xa0;: VirtualBox échoue donc avec VERR_VMX_IN_VMX_ROOT_MODE (ou VERR_SVM_IN_USE) tant que KVM est chargé, et KVM ne peut pas démarrer d&apos;invités tant qu&apos;une machine virtuelle VirtualBox tourne.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>To use VirtualBox, first run: sudo modprobe -r {kvm_module} (or boot with kvm.enable_virt_at_load=0)</source>
        <extracomment>kvmgui/core/hostcheck.py:1077</extracomment>
        <translation>Pour utiliser VirtualBox, lancez d&apos;abord&#xa0;: sudo modprobe -r {kvm_module} (ou démarrez avec kvm.enable_virt_at_load=0)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quit all VirtualBox virtual machines before starting one here.</source>
        <extracomment>kvmgui/core/hostcheck.py:1104</extracomment>
        <translation>Quittez toutes les machines virtuelles VirtualBox avant d&apos;en démarrer une ici.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quit all VMware virtual machines before starting one here.</source>
        <extracomment>kvmgui/core/hostcheck.py:1123</extracomment>
        <translation>Quittez toutes les machines virtuelles VMware avant d&apos;en démarrer une ici.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This computer is not a virtual machine.</source>
        <extracomment>kvmgui/core/hostcheck.py:1152</extracomment>
        <translation>Cet ordinateur n&apos;est pas une machine virtuelle.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{program} is not installed.</source>
        <extracomment>kvmgui/core/hostcheck.py:1201</extracomment>
        <translation>{program} n&apos;est pas installé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{program} at {path} did not report its version{detail}.</source>
        <extracomment>kvmgui/core/hostcheck.py:1209</extracomment>
        <translation>{program} dans {path} n&apos;a pas indiqué sa version{detail}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{program} {shown} is too old: kvmgui needs {need} or newer.</source>
        <extracomment>kvmgui/core/hostcheck.py:1224</extracomment>
        <translation>{program} {shown} est trop ancien&#xa0;: kvmgui nécessite la version {need} ou plus récente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{program} {shown} is installed at {path}.</source>
        <extracomment>kvmgui/core/hostcheck.py:1234</extracomment>
        <translation>{program} {shown} est installé dans {path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UEFI firmware (OVMF)</source>
        <extracomment>kvmgui/core/hostcheck.py:1242</extracomment>
        <translation>Micrologiciel UEFI (OVMF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UEFI firmware found at {ovmf_code}.</source>
        <extracomment>kvmgui/core/hostcheck.py:1245; {ovmf_code} = raw.ovmf_code</extracomment>
        <translation>Micrologiciel UEFI trouvé dans {ovmf_code}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The UEFI firmware (OVMF) is not installed, so UEFI and Windows 11 guests can&apos;t be created.</source>
        <extracomment>kvmgui/core/hostcheck.py:1251</extracomment>
        <translation>Le micrologiciel UEFI (OVMF) n&apos;est pas installé&#xa0;: les invités UEFI et Windows 11 ne peuvent donc pas être créés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TPM emulator (swtpm)</source>
        <extracomment>kvmgui/core/hostcheck.py:1262</extracomment>
        <translation>Émulateur de TPM (swtpm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>swtpm is installed at {swtpm_path}.</source>
        <extracomment>kvmgui/core/hostcheck.py:1265; {swtpm_path} = raw.swtpm_path</extracomment>
        <translation>swtpm est installé dans {swtpm_path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>swtpm is not installed, so Windows 11 guests can&apos;t get the TPM they need.</source>
        <extracomment>kvmgui/core/hostcheck.py:1271</extracomment>
        <translation>swtpm n&apos;est pas installé&#xa0;: les invités Windows 11 ne peuvent donc pas avoir le TPM dont ils ont besoin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPICE viewer</source>
        <extracomment>kvmgui/core/hostcheck.py:1280</extracomment>
        <translation>Visionneuse SPICE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>remote-viewer is installed at {remote_viewer_path}.</source>
        <extracomment>kvmgui/core/hostcheck.py:1285; {remote_viewer_path} = raw.remote_viewer_path</extracomment>
        <translation>remote-viewer est installé dans {remote_viewer_path}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>remote-viewer is not installed; it is only needed for VMs that use a SPICE display.</source>
        <extracomment>kvmgui/core/hostcheck.py:1295</extracomment>
        <translation>remote-viewer n&apos;est pas installé&#xa0;; il n&apos;est nécessaire que pour les machines virtuelles qui utilisent un affichage SPICE.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free space</source>
        <extracomment>kvmgui/core/hostcheck.py:1316</extracomment>
        <translation>Espace libre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not measure the free space for {where}.</source>
        <extracomment>kvmgui/core/hostcheck.py:1321</extracomment>
        <translation>Impossible de mesurer l&apos;espace libre pour {where}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only {free} is free for the VM folder {where}, too little for most guest installs.</source>
        <extracomment>kvmgui/core/hostcheck.py:1333</extracomment>
        <translation>Seulement {free} libres pour le dossier des machines virtuelles {where}, trop peu pour installer la plupart des systèmes invités.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free up disk space, or choose a VM folder on a larger disk in the settings.</source>
        <extracomment>kvmgui/core/hostcheck.py:1342</extracomment>
        <translation>Libérez de l&apos;espace disque, ou choisissez dans les paramètres un dossier des machines virtuelles sur un disque plus grand.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{free} is free for the VM folder {where}.</source>
        <extracomment>kvmgui/core/hostcheck.py:1349</extracomment>
        <translation>{free} libres pour le dossier des machines virtuelles {where}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU&apos;s sound drivers are {drivers}; its PulseAudio driver (pa, the module audio-pa.so) is not installed.</source>
        <extracomment>kvmgui/core/hostcheck.py:1359</extracomment>
        <translation>Les pilotes de son de QEMU sont {drivers}&#xa0;; son pilote PulseAudio (pa, le module audio-pa.so) n&apos;est pas installé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sound</source>
        <extracomment>kvmgui/core/hostcheck.py:1370</extracomment>
        <translation>Son</translation>
    </message>
    <message>
        <source>{clause}.</source>
        <extracomment>kvmgui/core/hostcheck.py:495; {clause} = _opening(clause)</extracomment>
        <translation>{clause}.</translation>
    </message>
    <message>
        <source>This system&apos;s root folder is not a mount point (kvmgui runs in a chroot or a container), where virtiofsd&apos;s sandbox cannot start, so the folder is shared with 9p.</source>
        <extracomment>kvmgui/core/hostcheck.py</extracomment>
        <translation>Le dossier racine de ce système n&apos;est pas un point de montage (kvmgui tourne dans un chroot ou un conteneur), où le bac à sable de virtiofsd ne peut pas démarrer&#xa0;: le dossier est donc partagé avec 9p.</translation>
    </message>
</context>
<context>
    <name>core.libvirt_xml</name>
    <message>
        <source>The memory size ({memory_mib} MiB) and the number of CPUs ({cpus}) must be positive numbers.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>La taille de la mémoire ({memory_mib} Mio) et le nombre de processeurs ({cpus}) doivent être des nombres positifs.</translation>
    </message>
    <message>
        <source>Disk {i} is read-only, which IDE and SATA disks cannot be; use the virtio or USB bus, or make it a throwaway disk instead.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Le disque {i} est en lecture seule, ce que les disques IDE et SATA ne peuvent pas être&#xa0;; utilisez le bus virtio ou USB, ou faites-en plutôt un disque jetable.</translation>
    </message>
    <message>
        <source>Disk {i} is a {format} image, which libvirt cannot open; convert it to qcow2 first.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Le disque {i} est une image {format}, que libvirt ne sait pas ouvrir&#xa0;; convertissez-le d&apos;abord en qcow2.</translation>
    </message>
    <message>
        <source>Disk {i} has a backing file but is not qcow2 or has no recorded backing format; fix the VM&apos;s definition first.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Le disque {i} a un fichier de base mais n&apos;est pas en qcow2 ou n&apos;a pas de format de base enregistré&#xa0;; corrigez d&apos;abord la définition de la machine virtuelle.</translation>
    </message>
    <message>
        <source>The CD/DVD drive has no file or host drive chosen; pick one or choose an empty drive.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Aucun fichier ni lecteur de l&apos;hôte n&apos;est choisi pour le lecteur CD/DVD&#xa0;; choisissez-en un ou choisissez un lecteur vide.</translation>
    </message>
    <message>
        <source>The port forwards ({forwards}) are not exported: libvirt&apos;s user-mode network forwards no ports (libvirt 9.0 and newer can, with the passt back-end); add them on the libvirt host.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Les redirections de ports ({forwards}) ne sont pas exportées&#xa0;: le réseau en mode utilisateur de libvirt ne redirige aucun port (libvirt 9.0 et plus récent le peut, avec le moteur passt)&#xa0;; ajoutez-les sur l&apos;hôte libvirt.</translation>
    </message>
    <message>
        <source>The extra QEMU arguments ({args}) are not exported; add their libvirt equivalent by hand.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Les arguments QEMU supplémentaires ({args}) ne sont pas exportés&#xa0;; ajoutez leur équivalent libvirt à la main.</translation>
    </message>
    <message>
        <source>The console password is not exported; set one in libvirt (the graphics element&apos;s passwd attribute) before anyone else can reach the socket.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Le mot de passe de la console n&apos;est pas exporté&#xa0;; définissez-en un dans libvirt (l&apos;attribut passwd de l&apos;élément graphics) avant que quiconque d&apos;autre puisse atteindre le socket.</translation>
    </message>
    <message>
        <source>The UEFI variable store (boot entries) stays in the VM&apos;s folder; libvirt starts with a fresh one, so the firmware may need its boot entry again.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Le magasin de variables UEFI (les entrées de démarrage) reste dans le dossier de la machine virtuelle&#xa0;; libvirt part d&apos;un magasin neuf, le micrologiciel peut donc avoir à retrouver son entrée de démarrage.</translation>
    </message>
    <message>
        <source>The TPM&apos;s state (its keys, BitLocker&apos;s secrets) stays in the VM&apos;s folder; libvirt&apos;s TPM emulator starts empty.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>L&apos;état du TPM (ses clés, les secrets de BitLocker) reste dans le dossier de la machine virtuelle&#xa0;; l&apos;émulateur TPM de libvirt démarre vide.</translation>
    </message>
    <message>
        <source>The VM is still being installed, so the CD/DVD boots first; once the system is installed, put the disk first in libvirt&apos;s boot order.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>La machine virtuelle est encore en cours d&apos;installation, le CD/DVD démarre donc en premier&#xa0;; une fois le système installé, placez le disque en premier dans l&apos;ordre de démarrage de libvirt.</translation>
    </message>
    <message>
        <source>The XML would contain a control character in {value}; rename the VM or file so it has none.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Le XML contiendrait un caractère de contrôle dans {value}&#xa0;; renommez la machine virtuelle ou le fichier pour qu&apos;il n&apos;en ait aucun.</translation>
    </message>
    <message>
        <source>There are more IDE and SATA disks than free positions on this machine type; move a disk to the virtio bus.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Il y a plus de disques IDE et SATA que de positions libres sur ce type de machine&#xa0;; déplacez un disque vers le bus virtio.</translation>
    </message>
    <message>
        <source>libvirt cannot put a throwaway overlay on a host device, so {devices} is passed read-only instead; some live systems refuse to start from a read-only medium.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>libvirt ne sait pas mettre de surcouche jetable sur un périphérique de l&apos;hôte, {devices} est donc transmis en lecture seule&#xa0;; certains systèmes live refusent de démarrer depuis un support en lecture seule.</translation>
    </message>
    <message>
        <source>Disk {i} is a throwaway host device on the {bus} bus: libvirt has no throwaway overlay for devices, and IDE and SATA disks cannot be read-only; move it to the virtio or USB bus.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Le disque {i} est un périphérique de l&apos;hôte jetable sur le bus {bus}&#xa0;: libvirt n&apos;a pas de surcouche jetable pour les périphériques, et les disques IDE et SATA ne peuvent pas être en lecture seule&#xa0;; déplacez-le vers le bus virtio ou USB.</translation>
    </message>
    <message>
        <source>The shared folder {paths} is not exported: a Windows guest gets it from QEMU&apos;s own SMB server, which libvirt does not offer; share it from the libvirt host with Samba instead.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Le dossier partagé {paths} n&apos;est pas exporté&#xa0;: un invité Windows le reçoit du serveur SMB propre à QEMU, que libvirt n&apos;offre pas&#xa0;; partagez-le plutôt depuis l&apos;hôte libvirt avec Samba.</translation>
    </message>
    <message>
        <source>The shared folders keep their paths on this computer ({paths}): create those folders on the libvirt host, or change the paths there.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Les dossiers partagés gardent leurs chemins sur cet ordinateur ({paths})&#xa0;: créez ces dossiers sur l&apos;hôte libvirt, ou changez-y les chemins.</translation>
    </message>
    <message>
        <source>The USB devices ({devices}) are those plugged into the libvirt host: the VM starts without any that are missing there.</source>
        <extracomment>kvmgui/core/libvirt_xml.py</extracomment>
        <translation>Les périphériques USB ({devices}) sont ceux branchés sur l&apos;hôte libvirt&#xa0;: la VM démarre sans ceux qui y manquent.</translation>
    </message>
    <message>
        <source>The volume &apos;{name}&apos; needs a size above zero.</source>
        <extracomment>kvmgui/core/libvirt_xml.py:184</extracomment>
        <translation>Le volume «&#xa0;{name}&#xa0;» doit avoir une taille supérieure à zéro.</translation>
    </message>
</context>
<context>
    <name>core.media</name>
    <message>
        <location line="+16"/>
        <source>a folder</source>
        <extracomment>kvmgui/core/media.py:92</extracomment>
        <translation>un dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a named pipe (FIFO)</source>
        <extracomment>kvmgui/core/media.py:94</extracomment>
        <translation>un tube nommé (FIFO)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a character device (like /dev/zero or /dev/kvm)</source>
        <extracomment>kvmgui/core/media.py:97</extracomment>
        <translation>un périphérique en mode caractère (comme /dev/zero ou /dev/kvm)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a socket</source>
        <extracomment>kvmgui/core/media.py:100</extracomment>
        <translation>une socket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a special file</source>
        <extracomment>kvmgui/core/media.py:101</extracomment>
        <translation>un fichier spécial</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a file of the running system (under /proc or /sys)</source>
        <extracomment>kvmgui/core/media.py:123</extracomment>
        <translation>un fichier du système en marche (sous /proc ou /sys)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown_path} is {kind}, which cannot serve as the {what}: pick an image file or a device such as /dev/sdb.</source>
        <extracomment>kvmgui/core/media.py:128</extracomment>
        <translation>{shown_path} est {kind}, qui ne peut pas être {what}&#xa0;: choisissez un fichier image ou un périphérique comme /dev/sdb.</translation>
    </message>
</context>
<context>
    <name>core.qemu_caps</name>
    <message>
        <location line="+2"/>
        <source>Not a QEMU version banner: {text}</source>
        <extracomment>kvmgui/core/qemu_caps.py:47; {text} = repr(text.strip()[:80])</extracomment>
        <translation>Ce n&apos;est pas une bannière de version de QEMU&#xa0;: {text}</translation>
    </message>
</context>
<context>
    <name>core.qemu_img</name>
    <message>
        <location line="+2"/>
        <source>An image path must not be empty.</source>
        <extracomment>kvmgui/core/qemu_img.py:72</extracomment>
        <translation>Un chemin d&apos;image ne doit pas être vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An image path must not contain NUL characters.</source>
        <extracomment>kvmgui/core/qemu_img.py:76</extracomment>
        <translation>Un chemin d&apos;image ne doit pas contenir de caractère NUL.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{fmt} is not a valid image {what}.</source>
        <extracomment>kvmgui/core/qemu_img.py:89; {fmt} = repr(fmt)</extracomment>
        <translation>{fmt} n&apos;est pas un {what} d&apos;image valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image size must be a positive number of bytes, not {size_bytes}.</source>
        <extracomment>kvmgui/core/qemu_img.py:99; {size_bytes} = repr(size_bytes)</extracomment>
        <translation>La taille de l&apos;image doit être un nombre positif d&apos;octets, pas {size_bytes}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A backing file needs its format (for example qcow2 or raw), so that QEMU never has to guess it.</source>
        <extracomment>kvmgui/core/qemu_img.py:129</extracomment>
        <translation>Un fichier de base doit avoir son format indiqué (par exemple qcow2 ou raw), pour que QEMU n&apos;ait jamais à le deviner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only qcow2 images can have a backing file.</source>
        <extracomment>kvmgui/core/qemu_img.py:138</extracomment>
        <translation>Seules les images qcow2 peuvent avoir un fichier de base.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>backing format</source>
        <extracomment>kvmgui/core/qemu_img.py:141</extracomment>
        <translation>format de base</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A backing format was given without a backing file.</source>
        <extracomment>kvmgui/core/qemu_img.py:145</extracomment>
        <translation>Un format de base a été donné sans fichier de base.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new image needs a size.</source>
        <extracomment>kvmgui/core/qemu_img.py:154</extracomment>
        <translation>Une nouvelle image doit avoir une taille.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only {formats} images can be compressed.</source>
        <extracomment>kvmgui/core/qemu_img.py:207; {formats} = &apos;, &apos;.join(COMPRESSIBLE_FORMATS)</extracomment>
        <translation>Seules les images {formats} peuvent être compressées.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A backing file needs its format, so that QEMU never guesses it.</source>
        <extracomment>kvmgui/core/qemu_img.py:221</extracomment>
        <translation>Un fichier de base doit avoir son format indiqué, pour que QEMU ne le devine jamais.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rate limit must be a positive number of bytes per second.</source>
        <extracomment>kvmgui/core/qemu_img.py:230</extracomment>
        <translation>La limite de débit doit être un nombre positif d&apos;octets par seconde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>repair must be &apos;leaks&apos; or &apos;all&apos;.</source>
        <extracomment>kvmgui/core/qemu_img.py:269</extracomment>
        <translation>repair doit valoir «&#xa0;leaks&#xa0;» ou «&#xa0;all&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An image in use by a VM cannot be repaired.</source>
        <extracomment>kvmgui/core/qemu_img.py:273</extracomment>
        <translation>Une image utilisée par une machine virtuelle ne peut pas être réparée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measure either an image (src=) or a size (size=), not both.</source>
        <extracomment>kvmgui/core/qemu_img.py:314</extracomment>
        <translation>Mesurez soit une image (src=), soit une taille (size=), pas les deux.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The source image&apos;s format is needed.</source>
        <extracomment>kvmgui/core/qemu_img.py:323</extracomment>
        <translation>Le format de l&apos;image source est nécessaire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk is only {current_size}; it cannot shrink by {change}.</source>
        <extracomment>kvmgui/core/qemu_img.py:351; {current_size} = Size(current), {change} = stripped[1:]</extracomment>
        <translation>Le disque ne fait que {current_size}&#xa0;; il ne peut pas être réduit de {change}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img reported {key}={value}, which is not a number.</source>
        <extracomment>kvmgui/core/qemu_img.py:417; {value} = repr(value)</extracomment>
        <translation>qemu-img a indiqué {key}={value}, qui n&apos;est pas un nombre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img listed a snapshot that is not an object.</source>
        <extracomment>kvmgui/core/qemu_img.py:434</extracomment>
        <translation>qemu-img a listé un instantané qui n&apos;est pas un objet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img info did not print an image description.</source>
        <extracomment>kvmgui/core/qemu_img.py:451</extracomment>
        <translation>qemu-img info n&apos;a pas affiché de description de l&apos;image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img info did not report the image&apos;s format and size.</source>
        <extracomment>kvmgui/core/qemu_img.py:457</extracomment>
        <translation>qemu-img info n&apos;a pas indiqué le format et la taille de l&apos;image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img info listed snapshots in an unknown form.</source>
        <extracomment>kvmgui/core/qemu_img.py:471</extracomment>
        <translation>qemu-img info a listé les instantanés sous une forme inconnue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img printed something that is not JSON.</source>
        <extracomment>kvmgui/core/qemu_img.py:508</extracomment>
        <translation>qemu-img a affiché quelque chose qui n&apos;est pas du JSON.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img info printed an empty list.</source>
        <extracomment>kvmgui/core/qemu_img.py:518</extracomment>
        <translation>qemu-img info a affiché une liste vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img info did not print a backing chain.</source>
        <extracomment>kvmgui/core/qemu_img.py:531</extracomment>
        <translation>qemu-img info n&apos;a pas affiché de chaîne d&apos;images de base.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No errors were found in the image.</source>
        <extracomment>kvmgui/core/qemu_img.py:591</extracomment>
        <translation>Aucune erreur n&apos;a été trouvée dans l&apos;image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image is intact but wastes space ({leaks} leaked clusters); repairing it reclaims that space.</source>
        <extracomment>kvmgui/core/qemu_img.py:596</extracomment>
        <translation>L&apos;image est intacte mais gaspille de la place ({leaks} clusters perdus)&#xa0;; la réparer récupère cette place.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image is damaged ({corruptions} errors). Keep a copy of it before trying a repair, which may lose data.</source>
        <extracomment>kvmgui/core/qemu_img.py:607</extracomment>
        <translation>L&apos;image est endommagée ({corruptions} erreurs). Gardez-en une copie avant de tenter une réparation, qui peut perdre des données.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This image format has no internal structure that could be checked.</source>
        <extracomment>kvmgui/core/qemu_img.py:618</extracomment>
        <translation>Ce format d&apos;image n&apos;a pas de structure interne qui puisse être vérifiée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image could not be checked.</source>
        <extracomment>kvmgui/core/qemu_img.py:625</extracomment>
        <translation>L&apos;image n&apos;a pas pu être vérifiée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img measure did not print an object.</source>
        <extracomment>kvmgui/core/qemu_img.py:642</extracomment>
        <translation>qemu-img measure n&apos;a pas affiché d&apos;objet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img measure did not report the sizes.</source>
        <extracomment>kvmgui/core/qemu_img.py:648</extracomment>
        <translation>qemu-img measure n&apos;a pas indiqué les tailles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This image is in use by a running VM.</source>
        <extracomment>kvmgui/core/qemu_img.py:685</extracomment>
        <translation>Cette image est utilisée par une machine virtuelle en marche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{locked} Shut the VM down first, then try again.</source>
        <extracomment>kvmgui/core/qemu_img.py:692; {locked} = LOCKED_MESSAGE</extracomment>
        <translation>{locked} Éteignez d&apos;abord la machine virtuelle, puis réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image&apos;s base (backing file) cannot be opened. Check that it still exists.</source>
        <extracomment>kvmgui/core/qemu_img.py:698</extracomment>
        <translation>La base de l&apos;image (fichier de base) ne peut pas être ouverte. Vérifiez qu&apos;elle existe toujours.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image file does not exist. Check the path.</source>
        <extracomment>kvmgui/core/qemu_img.py:704</extracomment>
        <translation>Le fichier image n&apos;existe pas. Vérifiez le chemin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are not allowed to open this file. Check its owner and permissions.</source>
        <extracomment>kvmgui/core/qemu_img.py:707</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;ouvrir ce fichier. Vérifiez son propriétaire et ses droits.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder is on a read-only file system; choose a folder you can write to.</source>
        <extracomment>kvmgui/core/qemu_img.py:714</extracomment>
        <translation>Le dossier est sur un système de fichiers en lecture seule&#xa0;; choisissez un dossier dans lequel vous pouvez écrire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is not enough free space on the host&apos;s disk for this image.</source>
        <extracomment>kvmgui/core/qemu_img.py:721</extracomment>
        <translation>Il n&apos;y a pas assez d&apos;espace libre sur le disque de l&apos;hôte pour cette image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The path is a folder, not an image file.</source>
        <extracomment>kvmgui/core/qemu_img.py:727</extracomment>
        <translation>Le chemin est un dossier, pas un fichier image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new size is smaller than the current one; shrinking needs an explicit confirmation because it deletes data at the end of the disk.</source>
        <extracomment>kvmgui/core/qemu_img.py:730</extracomment>
        <translation>La nouvelle taille est plus petite que l&apos;actuelle&#xa0;; la réduction demande une confirmation explicite car elle efface des données à la fin du disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img does not know this image format.</source>
        <extracomment>kvmgui/core/qemu_img.py:737</extracomment>
        <translation>qemu-img ne connaît pas ce format d&apos;image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is not an image of the expected format.</source>
        <extracomment>kvmgui/core/qemu_img.py:741</extracomment>
        <translation>Le fichier n&apos;est pas une image du format attendu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image is damaged. Run &apos;img check&apos; on it; keep a copy before any repair.</source>
        <extracomment>kvmgui/core/qemu_img.py:745</extracomment>
        <translation>L&apos;image est endommagée. Lancez «&#xa0;img check&#xa0;» dessus&#xa0;; gardez-en une copie avant toute réparation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A backing file needs its format (for example qcow2 or raw).</source>
        <extracomment>kvmgui/core/qemu_img.py:752</extracomment>
        <translation>Un fichier de base doit avoir son format indiqué (par exemple qcow2 ou raw).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The requested size is too large for this image format or file system.</source>
        <extracomment>kvmgui/core/qemu_img.py:759</extracomment>
        <translation>La taille demandée est trop grande pour ce format d&apos;image ou ce système de fichiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This image format does not support that operation.</source>
        <extracomment>kvmgui/core/qemu_img.py:766</extracomment>
        <translation>Ce format d&apos;image ne permet pas cette opération.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img failed; see the details.</source>
        <extracomment>kvmgui/core/qemu_img.py:776</extracomment>
        <translation>qemu-img a échoué&#xa0;; voir les détails.</translation>
    </message>
</context>
<context>
    <name>core.restart</name>
    <message>
        <source>shared folders</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>dossiers partagés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>memory</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>mémoire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPUs</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>processeurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disks</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>disques</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>network card</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>carte réseau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sound</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>son</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USB tablet</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>tablette USB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>screen</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>écran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CD drive</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>lecteur CD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>start-up device</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>périphérique de démarrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM is running: these changes take effect the next time it starts: {changes}.</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>La machine virtuelle est en marche&#xa0;: ces modifications prendront effet à son prochain démarrage&#xa0;: {changes}.</translation>
    </message>
    <message>
        <source>clipboard sharing</source>
        <extracomment>kvmgui/core/restart.py:31</extracomment>
        <translation>partage du presse-papiers</translation>
    </message>
    <message>
        <source>USB devices</source>
        <extracomment>kvmgui/core/restart.py</extracomment>
        <translation>périphériques USB</translation>
    </message>
</context>
<context>
    <name>core.settings</name>
    <message>
        <location line="+2"/>
        <source>&apos;{field}&apos; must be between {lo} and {hi} {unit}: change it in the settings.</source>
        <extracomment>kvmgui/core/settings.py:103; {lo} = format(lo, &apos;g&apos;), {hi} = format(hi, &apos;g&apos;)</extracomment>
        <translation>«&#xa0;{field}&#xa0;» doit être compris entre {lo} et {hi} {unit}&#xa0;: modifiez-le dans les paramètres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{field}&apos; is empty: give the program&apos;s name or its full path.</source>
        <extracomment>kvmgui/core/settings.py:117</extracomment>
        <translation>«&#xa0;{field}&#xa0;» est vide&#xa0;: indiquez le nom du programme ou son chemin complet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{field}&apos; must be a program name or a full path starting with &apos;/&apos;.</source>
        <extracomment>kvmgui/core/settings.py:125</extracomment>
        <translation>«&#xa0;{field}&#xa0;» doit être un nom de programme ou un chemin complet commençant par «&#xa0;/&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The settings have schema {schema_version}; this kvmgui writes {newest}.</source>
        <extracomment>kvmgui/core/settings.py:138; {schema_version} = s.schema_version, {newest} = SETTINGS_SCHEMA_VERSION</extracomment>
        <translation>Les paramètres ont le schéma {schema_version}&#xa0;; ce kvmgui écrit le schéma {newest}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM folder must be a full path starting with &apos;/&apos;: choose it again.</source>
        <extracomment>kvmgui/core/settings.py:148</extracomment>
        <translation>Le dossier des machines virtuelles doit être un chemin complet commençant par «&#xa0;/&#xa0;»&#xa0;: choisissez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be one of {allowed}</source>
        <extracomment>kvmgui/core/settings.py:179</extracomment>
        <translation>doit valoir l&apos;un de {allowed}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be true or false</source>
        <extracomment>kvmgui/core/settings.py:185</extracomment>
        <translation>doit valoir true ou false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a whole number</source>
        <extracomment>kvmgui/core/settings.py:189</extracomment>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a number</source>
        <extracomment>kvmgui/core/settings.py:193</extracomment>
        <translation>doit être un nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be text</source>
        <extracomment>kvmgui/core/settings.py:197</extracomment>
        <translation>doit être du texte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be valid text</source>
        <extracomment>kvmgui/core/settings.py:202</extracomment>
        <translation>doit être du texte valide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The setting &apos;{key}&apos; is unknown and was ignored (check its spelling).</source>
        <extracomment>kvmgui/core/settings.py:217; {key} = shown(str(key), 40)</extracomment>
        <translation>Le paramètre «&#xa0;{key}&#xa0;» est inconnu et a été ignoré (vérifiez son orthographe).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The setting &apos;{key}&apos; {exc}, so its default ({default}) is used.</source>
        <extracomment>kvmgui/core/settings.py:228; {exc} = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc), {default} = _shown_default(key)</extracomment>
        <translation>Le paramètre «&#xa0;{key}&#xa0;» {exc}, sa valeur par défaut ({default}) est donc utilisée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reason}, so its default ({default}) is used.</source>
        <extracomment>kvmgui/core/settings.py:244; {default} = _shown_default(problem.field)</extracomment>
        <translation>{reason}, sa valeur par défaut ({default}) est donc utilisée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a JSON object</source>
        <extracomment>kvmgui/core/settings.py:283</extracomment>
        <translation>ce n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has no &apos;{key}&apos; number</source>
        <extracomment>kvmgui/core/settings.py:287; {key} = VERSION_KEY</extracomment>
        <translation>il n&apos;a pas de numéro «&#xa0;{key}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its schema version {version} does not exist</source>
        <extracomment>kvmgui/core/settings.py:292</extracomment>
        <translation>son numéro de schéma {version} n&apos;existe pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The settings file {path} cannot be read ({strerror}), so the defaults are used: check its permissions.</source>
        <extracomment>kvmgui/core/settings.py:306; {path} = shown(str(path)), {strerror} = exc.strerror</extracomment>
        <translation>Le fichier de paramètres {path} ne peut pas être lu ({strerror}), les valeurs par défaut sont donc utilisées&#xa0;: vérifiez ses droits.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it was kept as {target}</source>
        <extracomment>kvmgui/core/settings.py:320; {target} = shown(str(target))</extracomment>
        <translation>il a été conservé sous le nom {target}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it could not be moved aside ({strerror}) and was left as it is</source>
        <extracomment>kvmgui/core/settings.py:325; {strerror} = exc.strerror</extracomment>
        <translation>il n&apos;a pas pu être mis de côté ({strerror}) et a été laissé tel quel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The settings file {path} was damaged ({reason}), so the defaults are used; {where}.</source>
        <extracomment>kvmgui/core/settings.py:332; {path} = shown(str(path))</extracomment>
        <translation>Le fichier de paramètres {path} était endommagé ({reason}), les valeurs par défaut sont donc utilisées&#xa0;; {where}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The settings file {path} was written by a newer kvmgui, so the defaults are used and the file is left untouched: update kvmgui to use it.</source>
        <extracomment>kvmgui/core/settings.py:343; {path} = shown(str(path))</extracomment>
        <translation>Le fichier de paramètres {path} a été écrit par un kvmgui plus récent&#xa0;: les valeurs par défaut sont utilisées et le fichier n&apos;est pas modifié. Mettez kvmgui à jour pour l&apos;utiliser.</translation>
    </message>
</context>
<context>
    <name>core.sizes</name>
    <message>
        <location line="+2"/>
        <source>write it like 20G or 500M.</source>
        <extracomment>kvmgui/core/sizes.py:41</extracomment>
        <translation>écrivez-la par exemple 20G ou 500M.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{text} is not a size: {example}</source>
        <extracomment>kvmgui/core/sizes.py:66; {text} = repr(text), {example} = _EXAMPLE</extracomment>
        <translation>{text} n&apos;est pas une taille&#xa0;: {example}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The size is empty: {example}</source>
        <extracomment>kvmgui/core/sizes.py:75; {example} = _EXAMPLE</extracomment>
        <translation>La taille est vide&#xa0;: {example}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{text}&apos; is not a size: {example}</source>
        <extracomment>kvmgui/core/sizes.py:80; {text} = _shown(text), {example} = _EXAMPLE</extracomment>
        <translation>«&#xa0;{text}&#xa0;» n&apos;est pas une taille&#xa0;: {example}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{text}&apos; is negative: write a size like 20G or 500M.</source>
        <extracomment>kvmgui/core/sizes.py:101; {text} = _shown(text)</extracomment>
        <translation>«&#xa0;{text}&#xa0;» est négatif&#xa0;: écrivez une taille comme 20G ou 500M.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{text}&apos; is more than the largest size kvmgui accepts (64 TiB): write a smaller size like 20G or 500G.</source>
        <extracomment>kvmgui/core/sizes.py:108; {text} = _shown(text)</extracomment>
        <translation>«&#xa0;{text}&#xa0;» dépasse la plus grande taille acceptée par kvmgui (64 Tio)&#xa0;: écrivez une taille plus petite, comme 20G ou 500G.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{text}&apos; is zero: write a size like 20G or 500M.</source>
        <extracomment>kvmgui/core/sizes.py:119; {text} = _shown(text)</extracomment>
        <translation>«&#xa0;{text}&#xa0;» vaut zéro&#xa0;: écrivez une taille comme 20G ou 500M.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{sign}{n} bytes</source>
        <extracomment>kvmgui/core/sizes.py:131</extracomment>
        <translation>{sign}{n} octets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{sign}1 byte</source>
        <extracomment>kvmgui/core/sizes.py:135</extracomment>
        <translation>{sign}1 octet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a size must be more than zero</source>
        <extracomment>kvmgui/core/sizes.py:148</extracomment>
        <translation>une taille doit être supérieure à zéro</translation>
    </message>
</context>
<context>
    <name>core.snapshots</name>
    <message>
        <location line="+2"/>
        <source>Only {formats} images can have snapshots.</source>
        <extracomment>kvmgui/core/snapshots.py:33; {formats} = &apos;, &apos;.join(SNAPSHOT_FORMATS)</extracomment>
        <translation>Seules les images {formats} peuvent avoir des instantanés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An image path must not contain NUL characters.</source>
        <extracomment>kvmgui/core/snapshots.py:39</extracomment>
        <translation>Un chemin d&apos;image ne doit pas contenir de caractère NUL.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The snapshot needs a name.</source>
        <extracomment>kvmgui/core/snapshots.py:63</extracomment>
        <translation>L&apos;instantané doit avoir un nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A snapshot name must not start or end with a space.</source>
        <extracomment>kvmgui/core/snapshots.py:66</extracomment>
        <translation>Un nom d&apos;instantané ne doit pas commencer ni finir par une espace.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A snapshot name can have at most {limit} characters.</source>
        <extracomment>kvmgui/core/snapshots.py:73; {limit} = MAX_NAME</extracomment>
        <translation>Un nom d&apos;instantané peut avoir au plus {limit} caractères.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A snapshot name must not contain control characters.</source>
        <extracomment>kvmgui/core/snapshots.py:81</extracomment>
        <translation>Un nom d&apos;instantané ne doit pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A snapshot name must not be a plain number; add a word, like &apos;before-2&apos;.</source>
        <extracomment>kvmgui/core/snapshots.py:89</extracomment>
        <translation>Un nom d&apos;instantané ne doit pas être un simple nombre&#xa0;; ajoutez un mot, comme «&#xa0;avant-2&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A snapshot named &apos;{name}&apos; already exists; choose another name.</source>
        <extracomment>kvmgui/core/snapshots.py:96</extracomment>
        <translation>Un instantané nommé «&#xa0;{name}&#xa0;» existe déjà&#xa0;; choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the snapshot by its name.</source>
        <extracomment>kvmgui/core/snapshots.py:107</extracomment>
        <translation>Choisissez l&apos;instantané par son nom.</translation>
    </message>
</context>
<context>
    <name>core.store</name>
    <message>
        <location line="+2"/>
        <source>There is not enough free space in {place} to {action}: free some space and try again.</source>
        <extracomment>kvmgui/core/store.py:110</extracomment>
        <translation>Il n&apos;y a pas assez d&apos;espace libre dans {place} pour {action}&#xa0;: libérez de l&apos;espace et réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui may not write in {place} to {action}: check the folder&apos;s permissions or choose another VM folder in the settings.</source>
        <extracomment>kvmgui/core/store.py:120</extracomment>
        <translation>kvmgui n&apos;a pas le droit d&apos;écrire dans {place} pour {action}&#xa0;: vérifiez les droits du dossier ou choisissez un autre dossier des machines virtuelles dans les paramètres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{place} is on a read-only filesystem, so kvmgui cannot {action}: choose another VM folder in the settings.</source>
        <extracomment>kvmgui/core/store.py:130</extracomment>
        <translation>{place} est sur un système de fichiers en lecture seule, kvmgui ne peut donc pas {action}&#xa0;: choisissez un autre dossier des machines virtuelles dans les paramètres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name is too long for the filesystem of {place}: choose a shorter name.</source>
        <extracomment>kvmgui/core/store.py:140</extracomment>
        <translation>Le nom est trop long pour le système de fichiers de {place}&#xa0;: choisissez un nom plus court.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not {action} in {place} ({reason}): check the folder and try again.</source>
        <extracomment>kvmgui/core/store.py:147; {reason} = exc.strerror or exc</extracomment>
        <translation>Impossible de {action} dans {place} ({reason})&#xa0;: vérifiez le dossier et réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a symbolic link, which kvmgui does not follow: replace it with the file itself.</source>
        <extracomment>kvmgui/core/store.py:168; {path} = shown(str(path))</extracomment>
        <translation>{path} est un lien symbolique, que kvmgui ne suit pas&#xa0;: remplacez-le par le fichier lui-même.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is not a regular file: replace it with a definition file.</source>
        <extracomment>kvmgui/core/store.py:177; {path} = shown(str(path))</extracomment>
        <translation>{path} n&apos;est pas un fichier ordinaire&#xa0;: remplacez-le par un fichier de définition.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A VM name cannot be empty, &apos;.&apos; or &apos;..&apos;: choose another name.</source>
        <extracomment>kvmgui/core/store.py:245</extracomment>
        <translation>Le nom d&apos;une machine virtuelle ne peut pas être vide, «&#xa0;.&#xa0;» ou «&#xa0;..&#xa0;»&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A VM name cannot contain &apos;/&apos; or NUL characters: choose another name.</source>
        <extracomment>kvmgui/core/store.py:252</extracomment>
        <translation>Le nom d&apos;une machine virtuelle ne peut pas contenir «&#xa0;/&#xa0;» ni de caractère NUL&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name is too long for a folder name: choose a shorter name.</source>
        <extracomment>kvmgui/core/store.py:259</extracomment>
        <translation>Le nom est trop long pour un nom de dossier&#xa0;: choisissez un nom plus court.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That name would place the VM outside the VM folder: choose another name.</source>
        <extracomment>kvmgui/core/store.py:267</extracomment>
        <translation>Ce nom placerait la machine virtuelle hors du dossier des machines virtuelles&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{dir} is not a VM folder in {root}, so kvmgui will not change it.</source>
        <extracomment>kvmgui/core/store.py:278; {dir} = shown(str(folder.dir)), {root} = shown(str(self._root))</extracomment>
        <translation>{dir} n&apos;est pas un dossier de machine virtuelle dans {root}, kvmgui ne le modifiera donc pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{dir} is a symbolic link, which kvmgui does not follow: move the VM&apos;s folder into the VM folder.</source>
        <extracomment>kvmgui/core/store.py:287; {dir} = shown(str(folder.dir))</extracomment>
        <translation>{dir} est un lien symbolique, que kvmgui ne suit pas&#xa0;: déplacez le dossier de la machine virtuelle dans le dossier des machines virtuelles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} cannot be read ({strerror}): check its permissions.</source>
        <extracomment>kvmgui/core/store.py:306; {path} = shown(str(path)), {strerror} = exc.strerror</extracomment>
        <translation>{path} ne peut pas être lu ({strerror})&#xa0;: vérifiez ses droits.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM folder {root} cannot be read ({strerror}): check its permissions.</source>
        <extracomment>kvmgui/core/store.py:332; {root} = shown(str(self._root)), {strerror} = exc.strerror</extracomment>
        <translation>Le dossier des machines virtuelles {root} ne peut pas être lu ({strerror})&#xa0;: vérifiez ses droits.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a symbolic link, which kvmgui does not follow: move the VM&apos;s folder here instead.</source>
        <extracomment>kvmgui/core/store.py:350; {path} = shown(str(path))</extracomment>
        <translation>{path} est un lien symbolique, que kvmgui ne suit pas&#xa0;: déplacez plutôt ici le dossier de la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder name {name} is not valid UTF-8: rename the folder.</source>
        <extracomment>kvmgui/core/store.py:366; {name} = shown(name)</extracomment>
        <translation>Le nom de dossier {name} n&apos;est pas de l&apos;UTF-8 valide&#xa0;: renommez le dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; has the same id as VM &apos;{first}&apos;, probably because its folder was copied by hand: give it a new id by changing the letters and digits of &quot;id&quot; in {definition}.</source>
        <extracomment>kvmgui/core/store.py:386; {name} = shown(name), {first} = shown(first), {definition} = shown(str(folder.definition))</extracomment>
        <translation>La machine virtuelle «&#xa0;{name}&#xa0;» a le même identifiant que la machine virtuelle «&#xa0;{first}&#xa0;», sans doute parce que son dossier a été copié à la main&#xa0;: donnez-lui un nouvel identifiant en changeant les lettres et les chiffres de «&#xa0;id&#xa0;» dans {definition}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no VM called &apos;{name_or_id}&apos;: &apos;kvmgui-cli list&apos; shows the VMs there are.</source>
        <extracomment>kvmgui/core/store.py:424; {name_or_id} = shown(name_or_id)</extracomment>
        <translation>Il n&apos;y a pas de machine virtuelle nommée «&#xa0;{name_or_id}&#xa0;»&#xa0;: «&#xa0;kvmgui-cli list&#xa0;» affiche celles qui existent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for VM &apos;{name}&apos;</source>
        <extracomment>kvmgui/core/store.py:444; {name} = shown(spec.name)</extracomment>
        <translation>pour la machine virtuelle «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A VM with the id {id} already exists: give the new VM a new id.</source>
        <extracomment>kvmgui/core/store.py:468; {id} = spec.id</extracomment>
        <translation>Une machine virtuelle avec l&apos;identifiant {id} existe déjà&#xa0;: donnez un nouvel identifiant à la nouvelle machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>create VM &apos;{name}&apos;</source>
        <extracomment>kvmgui/core/store.py:477; {name} = shown(spec.name)</extracomment>
        <translation>créer la machine virtuelle «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A folder named &apos;{name}&apos; already exists in {root} (perhaps the kept disks of a deleted VM): choose another name or move that folder away.</source>
        <extracomment>kvmgui/core/store.py:488; {name} = shown(spec.name), {root} = shown(str(self._root))</extracomment>
        <translation>Un dossier nommé «&#xa0;{name}&#xa0;» existe déjà dans {root} (peut-être les disques conservés d&apos;une machine virtuelle supprimée)&#xa0;: choisissez un autre nom ou déplacez ce dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; was deleted or moved by another program: reload the list of VMs.</source>
        <extracomment>kvmgui/core/store.py:541</extracomment>
        <translation>La machine virtuelle «&#xa0;{name}&#xa0;» a été supprimée ou déplacée par un autre programme&#xa0;: rechargez la liste des machines virtuelles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} now holds a different or damaged VM definition, so kvmgui will not overwrite it: reload the list of VMs.</source>
        <extracomment>kvmgui/core/store.py:565; {path} = shown(str(path))</extracomment>
        <translation>{path} contient maintenant une définition de machine virtuelle différente ou endommagée, kvmgui ne l&apos;écrasera donc pas&#xa0;: rechargez la liste des machines virtuelles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; was changed by another program since it was loaded: reload it and make your change again.</source>
        <extracomment>kvmgui/core/store.py:574</extracomment>
        <translation>La machine virtuelle «&#xa0;{name}&#xa0;» a été modifiée par un autre programme depuis son chargement&#xa0;: rechargez-la et refaites votre modification.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To change the name of VM &apos;{name}&apos;, rename it instead of saving it.</source>
        <extracomment>kvmgui/core/store.py:593; {name} = shown(folder.dir.name)</extracomment>
        <translation>Pour changer le nom de la machine virtuelle «&#xa0;{name}&#xa0;», renommez-la au lieu de l&apos;enregistrer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>save VM &apos;{name}&apos;</source>
        <extracomment>kvmgui/core/store.py:602; {name} = shown(stored.spec.name)</extracomment>
        <translation>enregistrer la machine virtuelle «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A folder named &apos;{new_name}&apos; already exists in {root}: choose another name or move that folder away.</source>
        <extracomment>kvmgui/core/store.py:646; {new_name} = shown(new_name), {root} = shown(str(self._root))</extracomment>
        <translation>Un dossier nommé «&#xa0;{new_name}&#xa0;» existe déjà dans {root}&#xa0;: choisissez un autre nom ou déplacez ce dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rename VM &apos;{name}&apos;</source>
        <extracomment>kvmgui/core/store.py:655; {name} = shown(old.dir.name)</extracomment>
        <translation>renommer la machine virtuelle «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{definition} cannot be read ({strerror}): check its permissions.</source>
        <extracomment>kvmgui/core/store.py:690; {definition} = shown(str(folder.definition)), {strerror} = exc.strerror</extracomment>
        <translation>{definition} ne peut pas être lu ({strerror})&#xa0;: vérifiez ses droits.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{dir} now holds another VM, so kvmgui will not delete it: reload the list of VMs.</source>
        <extracomment>kvmgui/core/store.py:704; {dir} = shown(str(folder.dir))</extracomment>
        <translation>{dir} contient maintenant une autre machine virtuelle, kvmgui ne le supprimera donc pas&#xa0;: rechargez la liste des machines virtuelles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delete VM &apos;{name}&apos;</source>
        <extracomment>kvmgui/core/store.py:713; {name} = shown(folder.dir.name)</extracomment>
        <translation>supprimer la machine virtuelle «&#xa0;{name}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>core.strict_json</name>
    <message>
        <location line="+2"/>
        <source>the key &apos;{key}&apos; appears twice</source>
        <extracomment>kvmgui/core/strict_json.py:658; {key} = _quote(key)</extracomment>
        <translation>la clé «&#xa0;{key}&#xa0;» apparaît deux fois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is not a number a definition may contain</source>
        <extracomment>kvmgui/core/strict_json.py:667</extracomment>
        <translation>{name} n&apos;est pas un nombre qu&apos;une définition peut contenir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is {count} bytes long, far more than such a file can be</source>
        <extracomment>kvmgui/core/strict_json.py:683; {count} = len(raw)</extracomment>
        <translation>il fait {count} octets, bien plus qu&apos;un tel fichier ne peut en faire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not valid UTF-8 text (bad byte at position {start})</source>
        <extracomment>kvmgui/core/strict_json.py:693; {start} = exc.start</extracomment>
        <translation>ce n&apos;est pas du texte UTF-8 valide (octet incorrect à la position {start})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is empty</source>
        <extracomment>kvmgui/core/strict_json.py:700</extracomment>
        <translation>il est vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not valid JSON ({msg} at line {lineno}, column {colno})</source>
        <extracomment>kvmgui/core/strict_json.py:705; {msg} = exc.msg, {lineno} = exc.lineno, {colno} = exc.colno</extracomment>
        <translation>ce n&apos;est pas du JSON valide ({msg} à la ligne {lineno}, colonne {colno})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not valid JSON ({exc})</source>
        <extracomment>kvmgui/core/strict_json.py:715; {exc} = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else _quote(str(exc), 80)</extracomment>
        <translation>ce n&apos;est pas du JSON valide ({exc})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is nested too deeply</source>
        <extracomment>kvmgui/core/strict_json.py:722</extracomment>
        <translation>il est imbriqué trop profondément</translation>
    </message>
</context>
<context>
    <name>core.trust</name>
    <message>
        <source>Shared folder</source>
        <extracomment>kvmgui/core/trust.py</extracomment>
        <translation>Dossier partagé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra QEMU arguments: {args}</source>
        <extracomment>kvmgui/core/trust.py:68; {args} = shlex.join(json.loads(self.target))</extracomment>
        <translation>Arguments QEMU supplémentaires&#xa0;: {args}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read and write</source>
        <extracomment>kvmgui/core/trust.py:72</extracomment>
        <translation>lecture et écriture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read only</source>
        <extracomment>kvmgui/core/trust.py:73</extracomment>
        <translation>lecture seule</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk</source>
        <extracomment>kvmgui/core/trust.py:75</extracomment>
        <translation>Disque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base image</source>
        <extracomment>kvmgui/core/trust.py:76</extracomment>
        <translation>Image de base</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CD/DVD image</source>
        <extracomment>kvmgui/core/trust.py:77</extracomment>
        <translation>Image CD/DVD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host CD/DVD drive</source>
        <extracomment>kvmgui/core/trust.py:78</extracomment>
        <translation>Lecteur CD/DVD de l&apos;ordinateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>USB stick</source>
        <extracomment>kvmgui/core/trust.py:79</extracomment>
        <translation>Clé USB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; has settings made outside kvmgui that reach this computer and that you have not approved yet; run kvmgui-cli approve {quoted} to review and approve them, or start it from the app, which asks.</source>
        <extracomment>kvmgui/core/trust.py:241</extracomment>
        <translation>La VM «&#xa0;{name}&#xa0;» a des paramètres définis hors de kvmgui qui accèdent à cet ordinateur et que vous n&apos;avez pas encore approuvés&#xa0;; lancez kvmgui-cli approve {quoted} pour les vérifier et les approuver, ou démarrez-la depuis l&apos;application, qui vous les demandera.</translation>
    </message>
    <message>
        <source>{label} ({access}): {target}</source>
        <extracomment>kvmgui/core/trust.py:82; {target} = self.target</extracomment>
        <translation>{label} ({access})&#xa0;: {target}</translation>
    </message>
    <message>
        <source>USB device of this computer</source>
        <extracomment>kvmgui/core/trust.py</extracomment>
        <translation>Périphérique USB de cet ordinateur</translation>
    </message>
</context>
<context>
    <name>core.usb_host</name>
    <message>
        <source>&apos;{name}&apos; has USB turned off, so it has no USB controller for devices of this computer: turn USB on in its settings (kvmgui-cli edit {name} --usb) or remove the devices.</source>
        <extracomment>kvmgui/core/usb_host.py</extracomment>
        <translation>L&apos;USB est désactivé pour «&#xa0;{name}&#xa0;», qui n&apos;a donc pas de contrôleur USB pour les périphériques de cet ordinateur&#xa0;: activez l&apos;USB dans ses réglages (kvmgui-cli edit {name} --usb) ou retirez les périphériques.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a USB device id: give its vendor and product as four hex digits each, such as 0781:5567 (see kvmgui-cli usb list).</source>
        <extracomment>kvmgui/core/usb_host.py</extracomment>
        <translation>«&#xa0;{text}&#xa0;» n&apos;est pas un identifiant de périphérique USB&#xa0;: donnez son fabricant et son produit en quatre chiffres hexadécimaux chacun, comme 0781:5567 (voir kvmgui-cli usb list).</translation>
    </message>
    <message>
        <source>The USB device {what} is mounted on this computer ({parts}), and a guest writing to it at the same time destroys its files: eject it here first.</source>
        <extracomment>kvmgui/core/usb_host.py</extracomment>
        <translation>Le périphérique USB {what} est monté sur cet ordinateur ({parts}), et un invité qui y écrit en même temps détruit ses fichiers&#xa0;: éjectez-le d&apos;abord ici.</translation>
    </message>
    <message>
        <source>You may not open {node} ({what}), so the VM cannot use it. Let your login use this one device with a udev rule in {path}, then reload the rules: {commands}</source>
        <extracomment>kvmgui/core/usb_host.py</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;ouvrir {node} ({what}), la VM ne peut donc pas l&apos;utiliser. Autorisez votre session à utiliser ce seul périphérique avec une règle udev dans {path}, puis rechargez les règles&#xa0;: {commands}</translation>
    </message>
</context>
<context>
    <name>core.validation</name>
    <message>
        <source>A VM can share at most {limit} folders: remove some.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>Une VM peut partager au plus {limit} dossiers : retirez-en.</translation>
    </message>
    <message>
        <source>QEMU can share only one folder with a Windows guest (over SMB): remove all but one.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>QEMU ne peut partager qu’un seul dossier avec un invité Windows (par SMB) : n’en gardez qu’un.</translation>
    </message>
    <message>
        <source>A Windows guest reaches shared folders over its network, which is off: turn the network on or remove the shared folder.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>Un invité Windows accède aux dossiers partagés par son réseau, qui est désactivé : activez le réseau ou retirez le dossier partagé.</translation>
    </message>
    <message>
        <source>The shared folder {path} is not an absolute path: choose the folder again.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>Le dossier partagé {path} n’est pas un chemin absolu : choisissez de nouveau le dossier.</translation>
    </message>
    <message>
        <source>Sharing {path} would give the guest your whole home folder or computer: share a folder inside it instead.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>Partager {path} donnerait à l’invité tout votre dossier personnel ou tout l’ordinateur : partagez plutôt un dossier qu’il contient.</translation>
    </message>
    <message>
        <source>The share tag '{tag}' must be 1 to 31 letters, digits, '-' or '_'.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>L’étiquette de partage « {tag} » doit compter 1 à 31 lettres, chiffres, « - » ou « _ ».</translation>
    </message>
    <message>
        <source>A Windows guest gets shared folders over SMB, which QEMU always offers writable: make {path} read-write or remove it.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>Un invité Windows reçoit les dossiers partagés par SMB, que QEMU propose toujours en écriture : mettez {path} en lecture-écriture ou retirez-le.</translation>
    </message>
    <message>
        <source>The shared folder {path} does not exist or is not a folder.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>Le dossier partagé {path} n’existe pas ou n’est pas un dossier.</translation>
    </message>
    <message>
        <source>The share tag '{tag}' is used twice: the guest could not tell the folders apart.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>L’étiquette de partage « {tag} » est utilisée deux fois : l’invité ne pourrait pas distinguer les dossiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name must be text.</source>
        <extracomment>kvmgui/core/validation.py:140</extracomment>
        <translation>Le nom doit être du texte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the VM a name.</source>
        <extracomment>kvmgui/core/validation.py:142</extracomment>
        <translation>Donnez un nom à la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name is {count} characters long: use at most {limit}.</source>
        <extracomment>kvmgui/core/validation.py:147; {count} = len(name), {limit} = MAX_NAME_CHARS</extracomment>
        <translation>Le nom fait {count} caractères&#xa0;: utilisez-en au plus {limit}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name contains a NUL character: type it again.</source>
        <extracomment>kvmgui/core/validation.py:157</extracomment>
        <translation>Le nom contient un caractère NUL&#xa0;: tapez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name contains control or invisible characters: type it again.</source>
        <extracomment>kvmgui/core/validation.py:165</extracomment>
        <translation>Le nom contient des caractères de contrôle ou invisibles&#xa0;: tapez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name contains a special space character (such as a no-break space): type it again with ordinary spaces.</source>
        <extracomment>kvmgui/core/validation.py:174</extracomment>
        <translation>Le nom contient un caractère d&apos;espace spécial (comme une espace insécable)&#xa0;: retapez-le avec des espaces ordinaires.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A name cannot contain &apos;/&apos;: use another character such as &apos;-&apos;.</source>
        <extracomment>kvmgui/core/validation.py:185</extracomment>
        <translation>Un nom ne peut pas contenir «&#xa0;/&#xa0;»&#xa0;: utilisez un autre caractère, comme «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A name cannot start with &apos;.&apos;, as such folders are hidden: start it with a letter or digit.</source>
        <extracomment>kvmgui/core/validation.py:194</extracomment>
        <translation>Un nom ne peut pas commencer par «&#xa0;.&#xa0;», car de tels dossiers sont cachés&#xa0;: commencez-le par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the spaces at the start or end of the name.</source>
        <extracomment>kvmgui/core/validation.py:203</extracomment>
        <translation>Supprimez les espaces au début ou à la fin du nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A VM called &apos;{other}&apos; already exists: choose another name.</source>
        <extracomment>kvmgui/core/validation.py:213; {other} = shown(other)</extracomment>
        <translation>Une machine virtuelle nommée «&#xa0;{other}&#xa0;» existe déjà&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk</source>
        <extracomment>kvmgui/core/validation.py:244</extracomment>
        <translation>Le disque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} would be smaller than 1 MiB, too small to hold anything: give it a size like 20G.</source>
        <extracomment>kvmgui/core/validation.py:250</extracomment>
        <translation>{what} ferait moins de 1 Mio, trop peu pour contenir quoi que ce soit&#xa0;: donnez-lui une taille comme 20G.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM id must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;: give the VM a new id made of those.</source>
        <extracomment>kvmgui/core/validation.py:265</extracomment>
        <translation>L&apos;identifiant de la machine virtuelle doit comporter de 1 à 64 lettres, chiffres, «&#xa0;-&#xa0;» ou «&#xa0;_&#xa0;»&#xa0;: donnez-lui un nouvel identifiant composé de ces caractères.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The {what} {path} does not exist: pick it again.</source>
        <extracomment>kvmgui/core/validation.py:330; {path} = shown(str(path))</extracomment>
        <translation>{What} {path} n&apos;existe pas&#xa0;: faites un autre choix.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The {what} {path} cannot be checked ({strerror}): pick another file.</source>
        <extracomment>kvmgui/core/validation.py:339; {path} = shown(str(path)), {strerror} = exc.strerror</extracomment>
        <translation>Impossible de vérifier {what} {path} ({strerror})&#xa0;: choisissez un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a folder, not a {what}: pick the file inside it.</source>
        <extracomment>kvmgui/core/validation.py:349; {path} = shown(str(path))</extracomment>
        <translation>{path} est un dossier, et non {what}&#xa0;: choisissez le fichier qu&apos;il contient.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not read the {what} {path}: make it readable, for example with: chmod u+r &apos;{path}&apos;.</source>
        <extracomment>kvmgui/core/validation.py:361; {path} = shown(str(path))</extracomment>
        <translation>Vous n&apos;avez pas le droit de lire {what} {path}&#xa0;: rendez-le lisible, par exemple avec&#xa0;: chmod u+r &apos;{path}&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not write to the {what} {path}: make it writable (chmod u+w), or make the disk read-only or throwaway.</source>
        <extracomment>kvmgui/core/validation.py:371; {path} = shown(str(path))</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;écrire dans {what} {path}&#xa0;: rendez-le accessible en écriture (chmod u+w), ou mettez le disque en lecture seule ou en disque jetable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no {what} at {path}: plug it in or pick it again.</source>
        <extracomment>kvmgui/core/validation.py:390; {path} = shown(str(path))</extracomment>
        <translation>{What} est introuvable à l&apos;emplacement {path}&#xa0;: branchez le périphérique ou faites un autre choix.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} cannot be checked ({strerror}): pick another {what}.</source>
        <extracomment>kvmgui/core/validation.py:399; {path} = shown(str(path)), {strerror} = exc.strerror</extracomment>
        <translation>Impossible de vérifier {path} ({strerror})&#xa0;: faites un autre choix pour {what}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>image file</source>
        <extracomment>kvmgui/core/validation.py:409</extracomment>
        <translation>le fichier image</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an image file or a block device</source>
        <extracomment>kvmgui/core/validation.py:415</extracomment>
        <translation>un fichier image ou un périphérique de bloc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a block device</source>
        <extracomment>kvmgui/core/validation.py:416</extracomment>
        <translation>un périphérique de bloc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is not {kind}: pick a {what} such as /dev/sr0.</source>
        <extracomment>kvmgui/core/validation.py:419; {path} = shown(str(path))</extracomment>
        <translation>{path} n&apos;est pas {kind}&#xa0;: pour {what}, choisissez un périphérique comme /dev/sr0.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is not {kind}: pick a {what} such as /dev/sdb.</source>
        <extracomment>kvmgui/core/validation.py:426; {path} = shown(str(path))</extracomment>
        <translation>{path} n&apos;est pas {kind}&#xa0;: pour {what}, choisissez un périphérique comme /dev/sdb.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not use {path}: {fix}.</source>
        <extracomment>kvmgui/core/validation.py:434; {path} = shown(str(path)), {fix} = _group_fix(path)</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;utiliser {path}&#xa0;: {fix}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>base image of disk {i}</source>
        <extracomment>kvmgui/core/validation.py:504; {i} = i + 1</extracomment>
        <translation>l&apos;image de base du disque {i}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;{mv}&apos; is not a QEMU machine type: remove it so kvmgui pins the current one.</source>
        <extracomment>kvmgui/core/validation.py:535; {mv} = shown(mv)</extracomment>
        <translation>«&#xa0;{mv}&#xa0;» n&apos;est pas un type de machine QEMU&#xa0;: supprimez-le pour que kvmgui fixe le type actuel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pinned machine type &apos;{mv}&apos; does not belong to a {value} machine: remove it so kvmgui pins a matching one.</source>
        <extracomment>kvmgui/core/validation.py:544; {value} = spec.machine.value</extracomment>
        <translation>Le type de machine fixé «&#xa0;{mv}&#xa0;» n&apos;appartient pas à une machine {value}&#xa0;: supprimez-le pour que kvmgui en fixe un qui corresponde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{mem} MiB of memory is too little: give the VM at least {minimum} MiB.</source>
        <extracomment>kvmgui/core/validation.py:560; {minimum} = MIN_MEMORY_MIB</extracomment>
        <translation>{mem} Mio de mémoire, c&apos;est trop peu&#xa0;: donnez au moins {minimum} Mio à la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM has {mem} MiB of memory but this computer has only {memory_mib} MiB: give it less.</source>
        <extracomment>kvmgui/core/validation.py:569; {memory_mib} = host.memory_mib</extracomment>
        <translation>La machine virtuelle a {mem} Mio de mémoire mais cet ordinateur n&apos;en a que {memory_mib} Mio&#xa0;: donnez-lui-en moins.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{mem} MiB is more than 80 % of this computer&apos;s {memory_mib} MiB: the host may slow down or run out of memory, consider giving the VM less.</source>
        <extracomment>kvmgui/core/validation.py:579; {memory_mib} = host.memory_mib</extracomment>
        <translation>{mem} Mio, c&apos;est plus de 80 % des {memory_mib} Mio de cet ordinateur&#xa0;: l&apos;hôte risque de ralentir ou de manquer de mémoire, envisagez d&apos;en donner moins à la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A VM needs at least 1 CPU.</source>
        <extracomment>kvmgui/core/validation.py:594</extracomment>
        <translation>Une machine virtuelle a besoin d&apos;au moins 1 processeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM has {cpus} CPUs but this computer has only {cpu_count}: give it at most {cpu_count}.</source>
        <extracomment>kvmgui/core/validation.py:598; {cpus} = spec.cpus, {cpu_count} = host.cpu_count</extracomment>
        <translation>La machine virtuelle a {cpus} processeurs mais cet ordinateur n&apos;en a que {cpu_count}&#xa0;: donnez-lui-en au plus {cpu_count}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{reason} KVM cannot be used on this computer: choose &apos;auto&apos; or &apos;tcg&apos;.</source>
        <extracomment>kvmgui/core/validation.py:614</extracomment>
        <translation>{reason} KVM ne peut pas être utilisé sur cet ordinateur&#xa0;: choisissez «&#xa0;auto&#xa0;» ou «&#xa0;tcg&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KVM cannot be used on this computer: choose &apos;auto&apos; or &apos;tcg&apos;.</source>
        <extracomment>kvmgui/core/validation.py:620</extracomment>
        <translation>KVM ne peut pas être utilisé sur cet ordinateur&#xa0;: choisissez «&#xa0;auto&#xa0;» ou «&#xa0;tcg&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UEFI needs the OVMF firmware, which is not installed: sudo apt install ovmf (or choose BIOS).</source>
        <extracomment>kvmgui/core/validation.py:627</extracomment>
        <translation>L&apos;UEFI nécessite le micrologiciel OVMF, qui n&apos;est pas installé&#xa0;: sudo apt install ovmf (ou choisissez le BIOS).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A TPM needs swtpm, which is not installed: sudo apt install swtpm (or turn the TPM off).</source>
        <extracomment>kvmgui/core/validation.py:635</extracomment>
        <translation>Un TPM nécessite swtpm, qui n&apos;est pas installé&#xa0;: sudo apt install swtpm (ou désactivez le TPM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows 11 setup refuses to install without UEFI and a TPM: turn both on.</source>
        <extracomment>kvmgui/core/validation.py:643</extracomment>
        <translation>L&apos;installation de Windows 11 refuse de se faire sans UEFI ni TPM&#xa0;: activez les deux.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the {what}.</source>
        <extracomment>kvmgui/core/validation.py:662</extracomment>
        <translation>Choisissez {what}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The path of the {what} contains control characters: pick the file again.</source>
        <extracomment>kvmgui/core/validation.py:667</extracomment>
        <translation>Le chemin indiqué pour {what} contient des caractères de contrôle&#xa0;: choisissez à nouveau le fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The path of the {what} contains characters no file name can have: pick the file again.</source>
        <extracomment>kvmgui/core/validation.py:677</extracomment>
        <translation>Le chemin indiqué pour {what} contient des caractères qu&apos;aucun nom de fichier ne peut avoir&#xa0;: choisissez à nouveau le fichier.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>image of disk {i}</source>
        <extracomment>kvmgui/core/validation.py:696; {i} = i + 1</extracomment>
        <translation>l&apos;image du disque {i}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Disk {i} uses the same image as disk {other}: remove one of them.</source>
        <extracomment>kvmgui/core/validation.py:706; {i} = i + 1, {other} = seen[key] + 1</extracomment>
        <translation>Le disque {i} utilise la même image que le disque {other}&#xa0;: retirez l&apos;un des deux.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {i} has no size: give it a size like 20G.</source>
        <extracomment>kvmgui/core/validation.py:720; {i} = i + 1</extracomment>
        <translation>Le disque {i} n&apos;a pas de taille&#xa0;: donnez-lui une taille comme 20G.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {i}</source>
        <extracomment>kvmgui/core/validation.py:728; {i} = i + 1</extracomment>
        <translation>Le disque {i}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {i} is larger than 64 TiB: give it a size like 20G.</source>
        <extracomment>kvmgui/core/validation.py:733; {i} = i + 1</extracomment>
        <translation>Le disque {i} dépasse 64 Tio&#xa0;: donnez-lui une taille comme 20G.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new disks add up to {new_size} but only {size} is free: that works at first because disk images only use the space the guest fills, but free some space before the guest fills the disk.</source>
        <extracomment>kvmgui/core/validation.py:745; {new_size} = Size(new_bytes), {size} = Size(max(free_bytes, 0))</extracomment>
        <translation>Les nouveaux disques totalisent {new_size} mais seulement {size} sont libres&#xa0;: cela fonctionne au début car les images disque n&apos;occupent que l&apos;espace que l&apos;invité remplit, mais libérez de l&apos;espace avant que l&apos;invité ne remplisse le disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {i} is a {value} image: QEMU can use it, but qcow2 is safer and faster; convert it with qemu-img convert -O qcow2.</source>
        <extracomment>kvmgui/core/validation.py:767; {i} = i + 1, {value} = disk.format.value</extracomment>
        <translation>Le disque {i} est une image {value}&#xa0;: QEMU peut l&apos;utiliser, mais qcow2 est plus sûr et plus rapide&#xa0;; convertissez-la avec qemu-img convert -O qcow2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {i} has a base image, which only a qcow2 disk can have: make it qcow2 or remove the base image.</source>
        <extracomment>kvmgui/core/validation.py:778; {i} = i + 1</extracomment>
        <translation>Le disque {i} a une image de base, ce que seul un disque qcow2 peut avoir&#xa0;: passez-le en qcow2 ou retirez l&apos;image de base.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {i} does not say the format of its base image: choose it (usually qcow2).</source>
        <extracomment>kvmgui/core/validation.py:787; {i} = i + 1</extracomment>
        <translation>Le disque {i} n&apos;indique pas le format de son image de base&#xa0;: choisissez-le (en général qcow2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the base image of disk {i}.</source>
        <extracomment>kvmgui/core/validation.py:796; {i} = i + 1</extracomment>
        <translation>Choisissez l&apos;image de base du disque {i}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {i} names a base image format but no base image: the format is ignored.</source>
        <extracomment>kvmgui/core/validation.py:801; {i} = i + 1</extracomment>
        <translation>Le disque {i} indique un format d&apos;image de base mais pas d&apos;image de base&#xa0;: le format est ignoré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {i} is read-only, so making it throwaway too changes nothing: turn one of them off.</source>
        <extracomment>kvmgui/core/validation.py:809; {i} = i + 1</extracomment>
        <translation>Le disque {i} est en lecture seule, le rendre aussi jetable ne change donc rien&#xa0;: désactivez l&apos;une des deux options.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image of disk {i}, {where}, does not exist: pick an existing image or give a size to create a new one.</source>
        <extracomment>kvmgui/core/validation.py:827; {i} = i + 1, {where} = shown(str(where))</extracomment>
        <translation>L&apos;image du disque {i}, {where}, n&apos;existe pas&#xa0;: choisissez une image existante ou donnez une taille pour en créer une nouvelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder {parent} for the new image of disk {i} does not exist: create it or pick another place.</source>
        <extracomment>kvmgui/core/validation.py:840; {parent} = shown(str(parent)), {i} = i + 1</extracomment>
        <translation>Le dossier {parent} prévu pour la nouvelle image du disque {i} n&apos;existe pas&#xa0;: créez-le ou choisissez un autre emplacement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {i} is a host device, which almost always holds raw data: set its format to raw unless you know it holds an image of that format.</source>
        <extracomment>kvmgui/core/validation.py:856; {i} = i + 1</extracomment>
        <translation>Le disque {i} est un périphérique de l&apos;hôte, qui contient presque toujours des données brutes&#xa0;: réglez son format sur raw, sauf si vous savez qu&apos;il contient une image de ce format.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The base image {base} of disk {i} does not exist: pick it again.</source>
        <extracomment>kvmgui/core/validation.py:877; {base} = shown(str(base)), {i} = i + 1</extracomment>
        <translation>L&apos;image de base {base} du disque {i} n&apos;existe pas&#xa0;: choisissez-la à nouveau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A pc machine has {slots} IDE slots, shared with the CD drive: move some disks to SATA or virtio.</source>
        <extracomment>kvmgui/core/validation.py:899; {slots} = PC_IDE_SLOTS</extracomment>
        <translation>Une machine pc a {slots} emplacements IDE, partagés avec le lecteur CD&#xa0;: passez des disques en SATA ou en virtio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most {ports} SATA disks fit: move some disks to virtio.</source>
        <extracomment>kvmgui/core/validation.py:908; {ports} = AHCI_PORTS</extracomment>
        <translation>Au plus {ports} disques SATA peuvent tenir&#xa0;: passez des disques en virtio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A q35 machine has {ports} SATA/IDE ports, shared with the CD drive: move some disks to virtio.</source>
        <extracomment>kvmgui/core/validation.py:917; {ports} = AHCI_PORTS</extracomment>
        <translation>Une machine q35 a {ports} ports SATA/IDE, partagés avec le lecteur CD&#xa0;: passez des disques en virtio.</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>ISO file</source>
        <extracomment>kvmgui/core/validation.py:933</extracomment>
        <translation>le fichier ISO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CD/DVD drive</source>
        <extracomment>kvmgui/core/validation.py:935</extracomment>
        <translation>le lecteur CD/DVD</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Choose the {what}, or leave the CD drive empty.</source>
        <extracomment>kvmgui/core/validation.py:939</extracomment>
        <translation>Choisissez {what}, ou laissez le lecteur CD vide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where} is empty: download the install or live disc image again.</source>
        <extracomment>kvmgui/core/validation.py:964</extracomment>
        <translation>{where} est vide&#xa0;: téléchargez de nouveau l&apos;image du disque d&apos;installation ou live.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where} is a {value} disk image, not a CD/DVD image: use it as the VM&apos;s existing disk image instead.</source>
        <extracomment>kvmgui/core/validation.py:972; {value} = kind.value</extracomment>
        <translation>{where} est une image disque {value}, pas une image de CD/DVD&#xa0;: utilisez-la plutôt comme image disque existante de la VM.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where} is neither a CD/DVD image (ISO) nor a bootable disk image: pick the install or live disc image of the system, usually a file ending in .iso.</source>
        <extracomment>kvmgui/core/validation.py:981</extracomment>
        <translation>{where} n&apos;est ni une image de CD/DVD (ISO) ni une image disque amorçable&#xa0;: choisissez l&apos;image du disque d&apos;installation ou live du système, en général un fichier qui se termine par .iso.</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>USB stick</source>
        <extracomment>kvmgui/core/validation.py:996</extracomment>
        <translation>la clé USB</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>{where} (or a partition on it) is mounted on this computer, and two systems writing to it at once destroy its files: unmount it first, or keep it protected.</source>
        <extracomment>kvmgui/core/validation.py:1014; {where} = shown(str(where))</extracomment>
        <translation>{where} (ou une de ses partitions) est monté sur cet ordinateur, et deux systèmes qui y écrivent en même temps détruisent ses fichiers&#xa0;: démontez-le d&apos;abord, ou gardez-le protégé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk</source>
        <extracomment>kvmgui/core/validation.py:1034</extracomment>
        <translation>le disque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CD drive</source>
        <extracomment>kvmgui/core/validation.py:1036</extracomment>
        <translation>le lecteur CD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The {device} appears twice in the boot order: remove one.</source>
        <extracomment>kvmgui/core/validation.py:1042; {device} = names[dev]</extracomment>
        <translation>L&apos;ordre de démarrage contient deux fois {device}&#xa0;: retirez-en un.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM has no disk, CD drive or USB stick to start from: add one.</source>
        <extracomment>kvmgui/core/validation.py:1051</extracomment>
        <translation>La machine virtuelle n&apos;a ni disque, ni lecteur CD, ni clé USB sur quoi démarrer&#xa0;: ajoutez-en un.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM should boot from its {device} first but has no {device}: add one or change the boot order.</source>
        <extracomment>kvmgui/core/validation.py:1062; {device} = names[first]</extracomment>
        <translation>La machine virtuelle devrait démarrer d&apos;abord sur {device}, mais n&apos;en a pas&#xa0;: ajoutez-en un ou changez l&apos;ordre de démarrage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM has no network, so its port forwards do nothing: turn the network on or remove them.</source>
        <extracomment>kvmgui/core/validation.py:1077</extracomment>
        <translation>La machine virtuelle n&apos;a pas de réseau, ses redirections de port ne font donc rien&#xa0;: activez le réseau ou supprimez-les.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host port {host_port} does not exist: use a port between 1024 and 65535.</source>
        <extracomment>kvmgui/core/validation.py:1088; {host_port} = fw.host_port</extracomment>
        <translation>Le port hôte {host_port} n&apos;existe pas&#xa0;: utilisez un port entre 1024 et 65535.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host port {host_port} needs root: use a port of 1024 or more, for example {suggested_port}.</source>
        <extracomment>kvmgui/core/validation.py:1096; {host_port} = fw.host_port, {suggested_port} = fw.host_port + 8000</extracomment>
        <translation>Le port hôte {host_port} nécessite les droits root&#xa0;: utilisez un port de 1024 ou plus, par exemple {suggested_port}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guest port {guest_port} does not exist: use a port between 1 and 65535.</source>
        <extracomment>kvmgui/core/validation.py:1106; {guest_port} = fw.guest_port</extracomment>
        <translation>Le port invité {guest_port} n&apos;existe pas&#xa0;: utilisez un port entre 1 et 65535.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host port {host_port} ({value}) is forwarded twice: use another port.</source>
        <extracomment>kvmgui/core/validation.py:1115; {host_port} = fw.host_port, {value} = fw.protocol.value</extracomment>
        <translation>Le port hôte {host_port} ({value}) est redirigé deux fois&#xa0;: utilisez un autre port.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The console password only applies to VNC: switch the display to VNC or turn the password off.</source>
        <extracomment>kvmgui/core/validation.py:1129</extracomment>
        <translation>Le mot de passe de la console ne s&apos;applique qu&apos;à VNC&#xa0;: passez l&apos;affichage en VNC ou désactivez le mot de passe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An extra argument contains a NUL character, which cannot be passed to QEMU: remove it.</source>
        <extracomment>kvmgui/core/validation.py:1143</extracomment>
        <translation>Un argument supplémentaire contient un caractère NUL, qui ne peut pas être transmis à QEMU&#xa0;: supprimez-le.</translation>
    </message>
    <message>
        <source>sudo adduser $USER {group}, then log out and in</source>
        <extracomment>kvmgui/core/validation.py:294</extracomment>
        <translation>sudo adduser $USER {group}, puis fermez la session et rouvrez-la</translation>
    </message>
    <message>
        <source>&apos;{device}&apos; is not a USB device id: it needs four hex digits on each side of the colon.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>«&#xa0;{device}&#xa0;» n&apos;est pas un identifiant de périphérique USB&#xa0;: il faut quatre chiffres hexadécimaux de chaque côté des deux-points.</translation>
    </message>
    <message>
        <source>A USB device is listed twice.</source>
        <extracomment>kvmgui/core/validation.py</extracomment>
        <translation>Un périphérique USB figure deux fois.</translation>
    </message>
</context>
<context>
    <name>core.write_guard</name>
    <message>
        <location line="+2"/>
        <source>{names} and {last}</source>
        <extracomment>kvmgui/core/write_guard.py:103; {names} = &apos;, &apos;.join(quoted[:-1]), {last} = quoted[-1]</extracomment>
        <translation>{names} et {last}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder {folder} does not exist; choose an existing folder.</source>
        <extracomment>kvmgui/core/write_guard.py:139</extracomment>
        <translation>Le dossier {folder} n’existe pas ; choisissez un dossier existant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a folder; choose a file name (inside it, for example).</source>
        <extracomment>kvmgui/core/write_guard.py:148</extracomment>
        <translation>{name} est un dossier ; choisissez un nom de fichier (dans ce dossier, par exemple).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is the base of the linked clone {clones}, which would stop working; choose another file.</source>
        <extracomment>kvmgui/core/write_guard.py:158</extracomment>
        <translation>{name} est la base du clone lié {clones}, qui ne fonctionnerait plus ; choisissez un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is the base of the linked clones {clones}, which would stop working; choose another file.</source>
        <extracomment>kvmgui/core/write_guard.py:167</extracomment>
        <translation>{name} est la base des clones liés {clones}, qui ne fonctionneraient plus ; choisissez un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is the disk of the VM {vm}; writing it would destroy that disk, so choose another file.</source>
        <extracomment>kvmgui/core/write_guard.py:179; {vm} = _names(disks)</extracomment>
        <translation>{name} est le disque de la VM {vm} ; l’écrire détruirait ce disque, choisissez donc un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is the disk of the VMs {vms}; writing it would destroy that disk, so choose another file.</source>
        <extracomment>kvmgui/core/write_guard.py:189; {vms} = _names(disks)</extracomment>
        <translation>{name} est le disque des VM {vms} ; l’écrire détruirait ce disque, choisissez donc un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is one of the files of the VM {vm}; choose another file.</source>
        <extracomment>kvmgui/core/write_guard.py:200; {vm} = _names(others[:1])</extracomment>
        <translation>{name} est l’un des fichiers de la VM {vm} ; choisissez un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is the base image of {overlay}, which reads its data from it; choose another file.</source>
        <extracomment>kvmgui/core/write_guard.py:209; {overlay} = shown(facts.overlays[0])</extracomment>
        <translation>{name} est l’image de base de {overlay}, qui y lit ses données ; choisissez un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} backs {device}, mounted on {points}: unmount it (sudo umount {point}) first, or choose another file.</source>
        <extracomment>kvmgui/core/write_guard.py:221; {device} = shown(loop.device), {point} = shown(loop.mount_points[0])</extracomment>
        <translation>{name} est le fichier de {device}, monté sur {points} : démontez-le d’abord (sudo umount {point}), ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} backs {device}, which is used as swap space; turn that off (sudo swapoff) first, or choose another file.</source>
        <extracomment>kvmgui/core/write_guard.py:232; {device} = shown(loop.device)</extracomment>
        <translation>{name} est le fichier de {device}, utilisé comme espace d’échange (swap) ; désactivez-le d’abord (sudo swapoff), ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is used as swap space by this computer; choose another file.</source>
        <extracomment>kvmgui/core/write_guard.py:242</extracomment>
        <translation>{name} sert d’espace d’échange (swap) à cet ordinateur ; choisissez un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is not a regular file; choose a file name.</source>
        <extracomment>kvmgui/core/write_guard.py:252</extracomment>
        <translation>{name} n’est pas un fichier ordinaire ; choisissez un nom de fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is read-only; choose another file, or make it writable (chmod u+w) if it really is to be replaced.</source>
        <extracomment>kvmgui/core/write_guard.py:260</extracomment>
        <translation>{name} est en lecture seule ; choisissez un autre fichier, ou rendez-le modifiable (chmod u+w) s’il doit vraiment être remplacé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} already exists; choose another name or allow replacing it.</source>
        <extracomment>kvmgui/core/write_guard.py:269</extracomment>
        <translation>{name} existe déjà ; choisissez un autre nom ou autorisez son remplacement.</translation>
    </message>
</context>
<context>
    <name>runtime.actions</name>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; has no CD/DVD drive; add one in its settings (it appears at the next start).</source>
        <extracomment>kvmgui/runtime/actions.py:28</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n&apos;a pas de lecteur CD/DVD&#xa0;; ajoutez-en un dans ses paramètres (il apparaît au prochain démarrage).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest has locked the CD/DVD tray (a program in it is using the disc) and was asked to release it. Try again in a moment, or force it (the guest may lose data it is reading).</source>
        <extracomment>kvmgui/runtime/actions.py:32</extracomment>
        <translation>L&apos;invité a verrouillé le tiroir du lecteur CD/DVD (un programme utilise le disque) et il lui a été demandé de le libérer. Réessayez dans un instant, ou forcez l&apos;éjection (l&apos;invité peut perdre des données en cours de lecture).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the ISO image</source>
        <extracomment>kvmgui/runtime/actions.py:35</extracomment>
        <translation>l&apos;image ISO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU could not change the CD/DVD: {text}</source>
        <extracomment>kvmgui/runtime/actions.py:38</extracomment>
        <translation>QEMU n&apos;a pas pu changer le CD/DVD&#xa0;: {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ejected the CD/DVD.</source>
        <extracomment>kvmgui/runtime/actions.py:48</extracomment>
        <translation>CD/DVD éjecté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ISO image {path} does not exist (or is not a file): check the path.</source>
        <extracomment>kvmgui/runtime/actions.py:54</extracomment>
        <translation>L&apos;image ISO {path} n&apos;existe pas (ou n&apos;est pas un fichier)&#xa0;: vérifiez le chemin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ISO image</source>
        <extracomment>kvmgui/runtime/actions.py:57</extracomment>
        <translation>l&apos;image ISO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui is not allowed to read {path}: give your user read access to it.</source>
        <extracomment>kvmgui/runtime/actions.py:61</extracomment>
        <translation>kvmgui n&apos;a pas le droit de lire {path}&#xa0;: donnez à votre compte le droit de le lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inserted {name} into the CD/DVD drive (until the VM stops; change the VM&apos;s settings to keep it).</source>
        <extracomment>kvmgui/runtime/actions.py:76; {name} = path.name</extracomment>
        <translation>{name} inséré dans le lecteur CD/DVD (jusqu&apos;à l&apos;arrêt de la machine virtuelle&#xa0;; modifiez ses paramètres pour le garder).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU could not take a screenshot: {exc}</source>
        <extracomment>kvmgui/runtime/actions.py:89</extracomment>
        <translation>QEMU n&apos;a pas pu faire de capture d&apos;écran&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The screenshot could not be saved as {dest} ({strerror}).</source>
        <extracomment>kvmgui/runtime/actions.py:100; {strerror} = exc.strerror</extracomment>
        <translation>La capture d&apos;écran n&apos;a pas pu être enregistrée sous {dest} ({strerror}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved a screenshot of &apos;{name}&apos; as {dest}.</source>
        <extracomment>kvmgui/runtime/actions.py:106</extracomment>
        <translation>Capture d&apos;écran de «&#xa0;{name}&#xa0;» enregistrée sous {dest}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No keys were given.</source>
        <extracomment>kvmgui/runtime/actions.py:115</extracomment>
        <translation>Aucune touche n&apos;a été indiquée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU did not send the keys: {exc}</source>
        <extracomment>kvmgui/runtime/actions.py:126</extracomment>
        <translation>QEMU n&apos;a pas envoyé les touches&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent {keys} to &apos;{name}&apos;.</source>
        <extracomment>kvmgui/runtime/actions.py:129</extracomment>
        <translation>{keys} envoyé à «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; has no display (it was set to none).</source>
        <extracomment>kvmgui/runtime/actions.py:145</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n&apos;a pas d&apos;affichage (il est réglé sur «&#xa0;aucun&#xa0;»).</translation>
    </message>
</context>
<context>
    <name>runtime.blockdev_probe</name>
    <message>
        <location line="+2"/>
        <source>The program lsblk was not found; install util-linux to list USB sticks and CD/DVD drives.</source>
        <extracomment>kvmgui/runtime/blockdev_probe.py:38</extracomment>
        <translation>Le programme lsblk est introuvable&#xa0;; installez util-linux pour lister les clés USB et les lecteurs CD/DVD.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lsblk did not answer in time.</source>
        <extracomment>kvmgui/runtime/blockdev_probe.py:46</extracomment>
        <translation>lsblk n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lsblk could not list the block devices.</source>
        <extracomment>kvmgui/runtime/blockdev_probe.py:48</extracomment>
        <translation>lsblk n&apos;a pas pu lister les périphériques de bloc.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add yourself to the cdrom group: sudo adduser $USER cdrom, then log in again.</source>
        <extracomment>kvmgui/runtime/blockdev_probe.py:77</extracomment>
        <translation>ajoutez-vous au groupe cdrom&#xa0;: sudo adduser $USER cdrom, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add yourself to the disk group: sudo adduser $USER disk, then log in again.</source>
        <extracomment>kvmgui/runtime/blockdev_probe.py:79</extracomment>
        <translation>ajoutez-vous au groupe disk&#xa0;: sudo adduser $USER disk, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not open {path}; {fix}</source>
        <extracomment>kvmgui/runtime/blockdev_probe.py:80; {path} = device.path</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;ouvrir {path}&#xa0;; {fix}</translation>
    </message>
</context>
<context>
    <name>runtime.cd_media</name>
    <message>
        <location line="+2"/>
        <source>There is no CD/DVD drive at {given}: plug it in, or see the drives this computer has with: kvmgui-cli devices</source>
        <extracomment>kvmgui/runtime/cd_media.py:51</extracomment>
        <translation>Il n&apos;y a pas de lecteur CD/DVD sur {given}&#xa0;: branchez-le, ou affichez les lecteurs de cet ordinateur avec&#xa0;: kvmgui-cli devices</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not open {path}; add yourself to the cdrom group: sudo adduser $USER cdrom, then log in again.</source>
        <extracomment>kvmgui/runtime/cd_media.py:59</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;ouvrir {path}&#xa0;; ajoutez-vous au groupe cdrom&#xa0;: sudo adduser $USER cdrom, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inserted the disc in {drive} into the CD/DVD drive of &apos;{name}&apos; (until the VM stops; change the VM&apos;s settings to keep it).</source>
        <extracomment>kvmgui/runtime/cd_media.py:80</extracomment>
        <translation>Disque de {drive} inséré dans le lecteur CD/DVD de «&#xa0;{name}&#xa0;» (jusqu&apos;à l&apos;arrêt de la machine virtuelle&#xa0;; modifiez ses paramètres pour le garder).</translation>
    </message>
</context>
<context>
    <name>runtime.clones</name>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; has settings that reach this computer and that you have not approved yet; approve them first (kvmgui-cli approve {quoted}), then {doing}.</source>
        <extracomment>kvmgui/runtime/clones.py:82</extracomment>
        <translation>La VM «&#xa0;{name}&#xa0;» a des paramètres qui accèdent à cet ordinateur et que vous n&apos;avez pas encore approuvés&#xa0;; approuvez-les d&apos;abord (kvmgui-cli approve {quoted}), puis {doing}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; is running, so its disk is changing; shut it down first (kvmgui-cli shutdown &apos;{name}&apos;), then {doing}.</source>
        <extracomment>kvmgui/runtime/clones.py:89; {name} = shown(vm.spec.name)</extracomment>
        <translation>La machine virtuelle «&#xa0;{name}&#xa0;» est en marche, son disque change donc&#xa0;; éteignez-la d&apos;abord (kvmgui-cli shutdown &apos;{name}&apos;), puis {doing}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk {number} of &apos;{name}&apos;, {path}, does not exist.</source>
        <extracomment>kvmgui/runtime/clones.py:101</extracomment>
        <translation>Le disque {number} de «&#xa0;{name}&#xa0;», {path}, n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{base}&apos; is neither a VM nor an image file: check the name (&apos;kvmgui-cli list&apos; shows the VMs).</source>
        <extracomment>kvmgui/runtime/clones.py:124; {base} = shown(base)</extracomment>
        <translation>«&#xa0;{base}&#xa0;» n&apos;est ni une machine virtuelle ni un fichier image&#xa0;: vérifiez le nom («&#xa0;kvmgui-cli list&#xa0;» affiche les machines virtuelles).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} could not be made read-only ({strerror}); make sure nothing writes to it while clones use it.</source>
        <extracomment>kvmgui/runtime/clones.py:140; {path} = shown(str(path)), {strerror} = exc.strerror</extracomment>
        <translation>{path} n&apos;a pas pu être mis en lecture seule ({strerror})&#xa0;; veillez à ce que rien n&apos;y écrive tant que des clones l&apos;utilisent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>make the clone</source>
        <extracomment>kvmgui/runtime/clones.py:203</extracomment>
        <translation>créez le clone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image} is a disk of VM &apos;{vm}&apos;; clone the VM instead (kvmgui-cli clone &apos;{vm}&apos; NEW_NAME --linked), so that its disk is protected while clones use it.</source>
        <extracomment>kvmgui/runtime/clones.py:220</extracomment>
        <translation>{image} est un disque de la machine virtuelle «&#xa0;{vm}&#xa0;»&#xa0;; clonez plutôt la machine virtuelle (kvmgui-cli clone &apos;{vm}&apos; NOUVEAU_NOM --linked), pour que son disque soit protégé tant que des clones l&apos;utilisent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image} is a host device; a linked clone needs a disk image file as its base.</source>
        <extracomment>kvmgui/runtime/clones.py:228; {image} = shown(str(image))</extracomment>
        <translation>{image} est un périphérique de l&apos;hôte&#xa0;; un clone lié a besoin d&apos;un fichier d&apos;image disque comme base.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a &apos;{format}&apos; image, which kvmgui cannot use as a base: convert it to qcow2 first (kvmgui-cli img convert).</source>
        <extracomment>kvmgui/runtime/clones.py:239; {name} = shown(image.name), {format} = info.format</extracomment>
        <translation>{name} est une image «&#xa0;{format}&#xa0;», que kvmgui ne peut pas utiliser comme base&#xa0;: convertissez-la d&apos;abord en qcow2 (kvmgui-cli img convert).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The base VM could not be marked read-only: {exc}</source>
        <extracomment>kvmgui/runtime/clones.py:270</extracomment>
        <translation>La machine virtuelle de base n&apos;a pas pu être mise en lecture seule&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos;</source>
        <extracomment>kvmgui/runtime/clones.py:283; {name} = shown(base_vm.spec.name)</extracomment>
        <translation>la machine virtuelle «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created &apos;{name}&apos;, a linked clone of {what}: its disk keeps only its own changes and reads everything else from the base.</source>
        <extracomment>kvmgui/runtime/clones.py:285; {name} = shown(plan.spec.name)</extracomment>
        <translation>«&#xa0;{name}&#xa0;» créée, un clone lié de {what}&#xa0;: son disque ne garde que ses propres modifications et lit tout le reste sur la base.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The base disk image is now read-only, because any change to a base would corrupt its linked clones.</source>
        <extracomment>kvmgui/runtime/clones.py:289</extracomment>
        <translation>L&apos;image de base est désormais en lecture seule, car toute modification d&apos;une base abîmerait ses clones liés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In &apos;{name}&apos;, {changes}. It stays so while clones exist; afterwards &apos;kvmgui-cli release-base {name}&apos; makes it writable again.</source>
        <extracomment>kvmgui/runtime/clones.py:292</extracomment>
        <translation>Dans «&#xa0;{name}&#xa0;», {changes}. Cela reste ainsi tant que des clones existent&#xa0;; ensuite, «&#xa0;kvmgui-cli release-base {name}&#xa0;» la rend de nouveau modifiable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; writable</source>
        <extracomment>kvmgui/runtime/clones.py:361; {name} = shown(vm.spec.name)</extracomment>
        <translation>la machine virtuelle «&#xa0;{name}&#xa0;» modifiable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} could not be made writable ({strerror}).</source>
        <extracomment>kvmgui/runtime/clones.py:376; {path} = shown(str(path)), {strerror} = exc.strerror</extracomment>
        <translation>{path} n&apos;a pas pu être rendu modifiable ({strerror}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk {number} ({name}) is writable again</source>
        <extracomment>kvmgui/runtime/clones.py:379</extracomment>
        <translation>le disque {number} ({name}) est de nouveau modifiable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A full clone copies a VM; to make a VM from an image, use &apos;kvmgui-cli create NAME --disk IMAGE&apos; (or clone it with --linked).</source>
        <extracomment>kvmgui/runtime/clones.py:410</extracomment>
        <translation>Un clone complet copie une machine virtuelle&#xa0;; pour créer une machine virtuelle à partir d&apos;une image, utilisez «&#xa0;kvmgui-cli create NOM --disk IMAGE&#xa0;» (ou clonez-la avec --linked).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>copy it</source>
        <extracomment>kvmgui/runtime/clones.py:413</extracomment>
        <translation>copiez-la</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A disk of this VM is a host device; kvmgui copies image files only.</source>
        <extracomment>kvmgui/runtime/clones.py:427</extracomment>
        <translation>Un disque de cette machine virtuelle est un périphérique de l&apos;hôte&#xa0;; kvmgui ne copie que des fichiers image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cloning &apos;{name}&apos; was cancelled; nothing was changed.</source>
        <extracomment>kvmgui/runtime/clones.py:447; {name} = shown(base_vm.spec.name)</extracomment>
        <translation>Le clonage de «&#xa0;{name}&#xa0;» a été annulé&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created &apos;{new_name}&apos;, an independent copy of &apos;{name}&apos;.</source>
        <extracomment>kvmgui/runtime/clones.py:454; {new_name} = shown(new_name), {name} = shown(base_vm.spec.name)</extracomment>
        <translation>«&#xa0;{new_name}&#xa0;» créée, une copie indépendante de «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cloning {base}</source>
        <extracomment>kvmgui/runtime/clones.py:458</extracomment>
        <translation>Clonage de {base}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copying {name} failed: {error}</source>
        <extracomment>kvmgui/runtime/clones.py:479</extracomment>
        <translation>La copie de {name} a échoué&#xa0;: {error}</translation>
    </message>
    <message>
        <source>The base disk images are now read-only, because any change to a base would corrupt its linked clones.</source>
        <translation>Les images de base sont désormais en lecture seule, car toute modification d&apos;une base abîmerait ses clones liés.</translation>
    </message>
</context>
<context>
    <name>runtime.context</name>
    <message>
        <location line="+2"/>
        <source>disk {number}</source>
        <extracomment>kvmgui/runtime/context.py:55</extracomment>
        <translation>disque {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the VM&apos;s disk</source>
        <extracomment>kvmgui/runtime/context.py:55</extracomment>
        <translation>le disque de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the base image of {disk}</source>
        <extracomment>kvmgui/runtime/context.py:58</extracomment>
        <translation>l&apos;image de base ({disk})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the host CD/DVD drive</source>
        <extracomment>kvmgui/runtime/context.py:60</extracomment>
        <translation>le lecteur CD/DVD de l&apos;hôte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the ISO image in the CD/DVD drive</source>
        <extracomment>kvmgui/runtime/context.py:61</extracomment>
        <translation>l&apos;image ISO dans le lecteur CD/DVD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the USB stick</source>
        <extracomment>kvmgui/runtime/context.py:64</extracomment>
        <translation>la clé USB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the VM&apos;s UEFI variable store</source>
        <extracomment>kvmgui/runtime/context.py:66</extracomment>
        <translation>la mémoire des variables UEFI de la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the UEFI firmware</source>
        <extracomment>kvmgui/runtime/context.py:67</extracomment>
        <translation>le micrologiciel UEFI</translation>
    </message>
</context>
<context>
    <name>runtime.controller</name>
    <message>
        <location line="+2"/>
        <source>The guest was asked to shut down (ACPI power button).</source>
        <extracomment>kvmgui/runtime/controller.py:205</extracomment>
        <translation>Il a été demandé à l&apos;invité de s&apos;éteindre (bouton d&apos;alimentation ACPI).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest is powering off.</source>
        <extracomment>kvmgui/runtime/controller.py:213</extracomment>
        <translation>L&apos;invité s&apos;éteint.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is kept paused so you can read its screen; reset it or force it off.</source>
        <extracomment>kvmgui/runtime/controller.py:222</extracomment>
        <translation>Elle reste en pause pour que vous puissiez lire son écran&#xa0;; réinitialisez-la ou forcez son arrêt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The disk on the host is full, so the guest&apos;s writes failed and it was paused: free some space on the host, then resume the VM.</source>
        <extracomment>kvmgui/runtime/controller.py:239</extracomment>
        <translation>Le disque de l&apos;hôte est plein&#xa0;: les écritures de l&apos;invité ont échoué et il a été mis en pause. Libérez de l&apos;espace sur l&apos;hôte, puis reprenez la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading from</source>
        <extracomment>kvmgui/runtime/controller.py:241</extracomment>
        <translation>la lecture sur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>writing to</source>
        <extracomment>kvmgui/runtime/controller.py:241</extracomment>
        <translation>l&apos;écriture sur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A disk error happened while {op} a disk ({reason}); the guest was paused. Check the disk image and the host disk, then resume.</source>
        <extracomment>kvmgui/runtime/controller.py:242</extracomment>
        <translation>Une erreur de disque s&apos;est produite pendant {op} un disque ({reason})&#xa0;; l&apos;invité a été mis en pause. Vérifiez l&apos;image disque et le disque de l&apos;hôte, puis reprenez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest did not react to the shutdown request within {timeout} s (it may still be booting, or not listen to the ACPI power button); try again, or force it off.</source>
        <extracomment>kvmgui/runtime/controller.py:269</extracomment>
        <translation>L&apos;invité n&apos;a pas réagi à la demande d&apos;extinction en {timeout} s (il est peut-être encore en train de démarrer, ou n&apos;écoute pas le bouton d&apos;alimentation ACPI)&#xa0;; réessayez, ou forcez son arrêt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another program is starting this VM.</source>
        <extracomment>kvmgui/runtime/controller.py:308</extracomment>
        <translation>Un autre programme est en train de démarrer cette machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU ended unexpectedly while no kvmgui program was watching it (it was probably killed); start the VM again.</source>
        <extracomment>kvmgui/runtime/controller.py:316</extracomment>
        <translation>QEMU s&apos;est arrêté de façon inattendue alors qu&apos;aucun programme kvmgui ne le surveillait (il a probablement été tué)&#xa0;; redémarrez la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It was started from another session (another login, or a shell without the same XDG_RUNTIME_DIR), so kvmgui cannot reach its monitor; control it from that session, or stop its QEMU process {pid} there.</source>
        <extracomment>kvmgui/runtime/controller.py:349</extracomment>
        <translation>Elle a été démarrée depuis une autre session (une autre connexion, ou un shell sans le même XDG_RUNTIME_DIR), donc kvmgui ne peut pas joindre son moniteur&#xa0;; pilotez-la depuis cette session, ou arrêtez-y son processus QEMU {pid}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is running, but kvmgui cannot reach its monitor right now (another program is connected to it).</source>
        <extracomment>kvmgui/runtime/controller.py:373</extracomment>
        <translation>Elle est en marche, mais kvmgui ne peut pas joindre son moniteur pour l&apos;instant (un autre programme y est connecté).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is running, but kvmgui cannot reach its monitor right now: {exc}</source>
        <extracomment>kvmgui/runtime/controller.py:373</extracomment>
        <translation>Elle est en marche, mais kvmgui ne peut pas joindre son moniteur pour l&apos;instant&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui cannot create its runtime folder {dir} ({strerror}).</source>
        <extracomment>kvmgui/runtime/controller.py:555; {dir} = self.run.dir, {strerror} = exc.strerror</extracomment>
        <translation>kvmgui ne peut pas créer son dossier d&apos;exécution {dir} ({strerror}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another program is still starting &apos;{name}&apos;; try again in a moment.</source>
        <extracomment>kvmgui/runtime/controller.py:559; {name} = self.name</extracomment>
        <translation>Un autre programme est encore en train de démarrer «&#xa0;{name}&#xa0;»&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; was deleted, so it cannot be started; reload the list of VMs.</source>
        <extracomment>kvmgui/runtime/controller.py:564; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» a été supprimée, elle ne peut donc pas être démarrée&#xa0;; rechargez la liste des VM.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; is already running.</source>
        <extracomment>kvmgui/runtime/controller.py:581; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» est déjà en marche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; is already running (QEMU process {pid}); shut it down first.</source>
        <extracomment>kvmgui/runtime/controller.py:582; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» est déjà en marche (processus QEMU {pid})&#xa0;; éteignez-la d&apos;abord.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting &apos;{name}&apos;.</source>
        <extracomment>kvmgui/runtime/controller.py:601; {name} = self.name</extracomment>
        <translation>Démarrage de «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU did not accept the password for the VM&apos;s display ({exc}), so the VM was stopped again; turn the display password off in the VM&apos;s settings to start it without one.</source>
        <extracomment>kvmgui/runtime/controller.py:643</extracomment>
        <translation>QEMU n&apos;a pas accepté le mot de passe de l&apos;affichage de la machine virtuelle ({exc}), elle a donc été arrêtée&#xa0;; désactivez le mot de passe de l&apos;affichage dans ses paramètres pour la démarrer sans.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU started but did not accept the command to run the guest ({exc}); it was stopped again.</source>
        <extracomment>kvmgui/runtime/controller.py:653</extracomment>
        <translation>QEMU a démarré mais n&apos;a pas accepté la commande de lancer l&apos;invité ({exc})&#xa0;; il a été arrêté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started &apos;{name}&apos;.</source>
        <extracomment>kvmgui/runtime/controller.py:659; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» a démarré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; is not running.</source>
        <extracomment>kvmgui/runtime/controller.py:678; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n&apos;est pas en marche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui cannot reach the monitor of &apos;{name}&apos; right now (another program may be connected to it); try again in a moment.</source>
        <extracomment>kvmgui/runtime/controller.py:687; {name} = self.name</extracomment>
        <translation>kvmgui ne peut pas joindre le moniteur de «&#xa0;{name}&#xa0;» pour l&apos;instant (un autre programme y est peut-être connecté)&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; is already paused.</source>
        <extracomment>kvmgui/runtime/controller.py:706; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» est déjà en pause.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU did not pause &apos;{name}&apos;: {exc}</source>
        <extracomment>kvmgui/runtime/controller.py:712; {name} = self.name</extracomment>
        <translation>QEMU n&apos;a pas mis «&#xa0;{name}&#xa0;» en pause&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused &apos;{name}&apos;.</source>
        <extracomment>kvmgui/runtime/controller.py:716; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» mise en pause.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU did not resume &apos;{name}&apos;: {exc}</source>
        <extracomment>kvmgui/runtime/controller.py:728; {name} = self.name</extracomment>
        <translation>QEMU n&apos;a pas repris «&#xa0;{name}&#xa0;»&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resumed &apos;{name}&apos;.</source>
        <extracomment>kvmgui/runtime/controller.py:732; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» a repris.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU did not reset &apos;{name}&apos;: {exc}</source>
        <extracomment>kvmgui/runtime/controller.py:745; {name} = self.name</extracomment>
        <translation>QEMU n&apos;a pas réinitialisé «&#xa0;{name}&#xa0;»&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset &apos;{name}&apos; (like pressing its reset button).</source>
        <extracomment>kvmgui/runtime/controller.py:748; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» réinitialisée (comme avec son bouton de réinitialisation).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU did not pass on the shutdown request: {exc}</source>
        <extracomment>kvmgui/runtime/controller.py:762</extracomment>
        <translation>QEMU n&apos;a pas transmis la demande d&apos;extinction&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asked &apos;{name}&apos; to shut down.</source>
        <extracomment>kvmgui/runtime/controller.py:768; {name} = self.name</extracomment>
        <translation>Extinction demandée à «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; shut down.</source>
        <extracomment>kvmgui/runtime/controller.py:770; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» s&apos;est éteinte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; did not shut down within {wait} s, so it was forced off.</source>
        <extracomment>kvmgui/runtime/controller.py:776; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» ne s&apos;est pas éteinte en {wait} s, son arrêt a donc été forcé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; is still running {wait} s after the shutdown request: the guest may still be booting or may ignore the ACPI power button. Try again, or force it off.</source>
        <extracomment>kvmgui/runtime/controller.py:782; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» tourne encore {wait} s après la demande d&apos;extinction&#xa0;: l&apos;invité est peut-être encore en train de démarrer, ou ignore le bouton d&apos;alimentation ACPI. Réessayez, ou forcez son arrêt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU (pid {pid}) did not stop, even when killed; it may be stuck in the kernel (for example on a hung disk). Check it with: ps -p {pid} -o stat,wchan</source>
        <extracomment>kvmgui/runtime/controller.py:812; {pid} = watch.pid</extracomment>
        <translation>QEMU (PID {pid}) ne s&apos;est pas arrêté, même tué&#xa0;; il est peut-être bloqué dans le noyau (par exemple sur un disque figé). Vérifiez-le avec&#xa0;: ps -p {pid} -o stat,wchan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turned &apos;{name}&apos; off: QEMU did not respond, so it was killed.</source>
        <extracomment>kvmgui/runtime/controller.py:817; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» arrêtée&#xa0;: QEMU ne répondait pas, il a donc été tué.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turned &apos;{name}&apos; off.</source>
        <extracomment>kvmgui/runtime/controller.py:819; {name} = self.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» arrêtée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui cannot use its runtime folder {dir} ({strerror}).</source>
        <extracomment>kvmgui/runtime/controller.py:861; {dir} = self.run.dir, {strerror} = exc.strerror</extracomment>
        <translation>kvmgui ne peut pas utiliser son dossier d&apos;exécution {dir} ({strerror}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another program is starting &apos;{name}&apos;; try again in a moment.</source>
        <extracomment>kvmgui/runtime/controller.py:865; {name} = self.name</extracomment>
        <translation>Un autre programme est en train de démarrer «&#xa0;{name}&#xa0;»&#xa0;; réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder {folder} does not exist.</source>
        <extracomment>kvmgui/runtime/controller.py:884</extracomment>
        <translation>Le dossier {folder} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>There is no text to type.</source>
        <translation>Il n&apos;y a pas de texte à taper.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is paused, and a paused guest reads no keys; resume it first.</source>
        <translation>&apos;{name}&apos; est en pause, et un invité en pause ne lit aucune touche ; reprenez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>QEMU did not accept the keys: {exc}</source>
        <translation>QEMU n&apos;a pas accepté les touches : {exc}</translation>
    </message>
    <message>
        <source>Typed {count} character into &apos;{name}&apos;.</source>
        <translation>{count} caractère tapé dans &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Typed {count} characters into &apos;{name}&apos;.</source>
        <translation>{count} caractères tapés dans &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>The definition of &apos;{name}&apos; cannot be changed here.</source>
        <extracomment>kvmgui/runtime/controller.py</extracomment>
        <translation>La définition de «&#xa0;{name}&#xa0;» ne peut pas être modifiée ici.</translation>
    </message>
</context>
<context>
    <name>runtime.copy_device</name>
    <message>
        <location line="+2"/>
        <source>{target} cannot be examined ({strerror}).</source>
        <extracomment>kvmgui/runtime/copy_device.py:91; {target} = shown(target), {strerror} = exc.strerror</extracomment>
        <translation>{target} ne peut pas être examiné ({strerror}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui cannot tell whether {target} is in use, so it does not write to it: {problem}</source>
        <extracomment>kvmgui/runtime/copy_device.py:102</extracomment>
        <translation>kvmgui ne peut pas savoir si {target} est utilisé, il n&apos;y écrit donc pas&#xa0;: {problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lsblk does not list {target}, so kvmgui cannot tell whether it is in use; it does not write to it.</source>
        <extracomment>kvmgui/runtime/copy_device.py:109; {target} = shown(target)</extracomment>
        <translation>lsblk ne liste pas {target}, kvmgui ne peut donc pas savoir s&apos;il est utilisé&#xa0;; il n&apos;y écrit pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{source} is neither an image file nor a VM: check the name (&apos;kvmgui-cli list&apos; shows the VMs).</source>
        <extracomment>kvmgui/runtime/copy_device.py:130; {source} = shown(source)</extracomment>
        <translation>{source} n&apos;est ni un fichier image ni une machine virtuelle&#xa0;: vérifiez le nom («&#xa0;kvmgui-cli list&#xa0;» affiche les machines virtuelles).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--disk chooses a disk of a VM; give the VM&apos;s name instead of an image file.</source>
        <extracomment>kvmgui/runtime/copy_device.py:133</extracomment>
        <translation>--disk choisit un disque d&apos;une machine virtuelle&#xa0;; donnez le nom de la machine virtuelle au lieu d&apos;un fichier image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; has no disk to copy.</source>
        <extracomment>kvmgui/runtime/copy_device.py:149; {name} = shown(vm.spec.name)</extracomment>
        <translation>La machine virtuelle «&#xa0;{name}&#xa0;» n&apos;a pas de disque à copier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; has {n} disks: choose one with --disk 1 to --disk {n}.</source>
        <extracomment>kvmgui/runtime/copy_device.py:152</extracomment>
        <translation>La machine virtuelle «&#xa0;{name}&#xa0;» a {n} disques&#xa0;: choisissez-en un avec --disk 1 à --disk {n}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; has {n} disks; there is no disk {disk}.</source>
        <extracomment>kvmgui/runtime/copy_device.py:156</extracomment>
        <translation>La machine virtuelle «&#xa0;{name}&#xa0;» a {n} disques&#xa0;; il n&apos;y a pas de disque {disk}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; has {n} disk; there is no disk {disk}.</source>
        <extracomment>kvmgui/runtime/copy_device.py:156</extracomment>
        <translation>La machine virtuelle «&#xa0;{name}&#xa0;» a {n} disque&#xa0;; il n&apos;y a pas de disque {disk}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM &apos;{name}&apos; is running and writing to this disk; shut it down first (kvmgui-cli shutdown &apos;{name}&apos;), then copy.</source>
        <extracomment>kvmgui/runtime/copy_device.py:165; {name} = shown(vm.spec.name)</extracomment>
        <translation>La machine virtuelle «&#xa0;{name}&#xa0;» est en marche et écrit sur ce disque&#xa0;; éteignez-la d&apos;abord (kvmgui-cli shutdown &apos;{name}&apos;), puis copiez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The copy to {target} was cancelled. The target now holds part of the image and is not usable until the copy is made again.</source>
        <extracomment>kvmgui/runtime/copy_device.py:273; {target} = shown(target)</extracomment>
        <translation>La copie vers {target} a été annulée. La cible contient maintenant une partie de l&apos;image et reste inutilisable tant que la copie n&apos;est pas refaite.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was written to it.</source>
        <extracomment>kvmgui/runtime/copy_device.py:278</extracomment>
        <translation>Rien n&apos;y a été écrit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The target may be partly written.</source>
        <extracomment>kvmgui/runtime/copy_device.py:279</extracomment>
        <translation>La cible est peut-être partiellement écrite.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copying {name} to {target} failed: {error} {after}</source>
        <extracomment>kvmgui/runtime/copy_device.py:281</extracomment>
        <translation>La copie de {name} vers {target} a échoué&#xa0;: {error} {after}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If the image has partitions, this computer sees them after the device is plugged in again (or after: sudo partprobe {target}).</source>
        <extracomment>kvmgui/runtime/copy_device.py:290; {target} = shown(target)</extracomment>
        <translation>Si l&apos;image contient des partitions, cet ordinateur les voit une fois le périphérique rebranché (ou après&#xa0;: sudo partprobe {target}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied {name} ({source_format}, {size}) to {target} and checked the copy.</source>
        <extracomment>kvmgui/runtime/copy_device.py:295</extracomment>
        <translation>{name} ({source_format}, {size}) copié vers {target}, copie vérifiée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copied {name} ({source_format}, {size}) to {target}.</source>
        <extracomment>kvmgui/runtime/copy_device.py:295</extracomment>
        <translation>{name} ({source_format}, {size}) copié vers {target}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copying {name} to {target}</source>
        <extracomment>kvmgui/runtime/copy_device.py:301; {name} = Path(source).name</extracomment>
        <translation>Copie de {name} vers {target}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking the copy on {target} was cancelled; the copy itself was finished.</source>
        <extracomment>kvmgui/runtime/copy_device.py:310; {target} = shown(plan.target)</extracomment>
        <translation>La vérification de la copie sur {target} a été annulée&#xa0;; la copie elle-même était terminée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The copy on {target} differs from {name}: the device may be failing. Try again or use another target.</source>
        <extracomment>kvmgui/runtime/copy_device.py:313; {target} = shown(plan.target), {name} = plan.source.name</extracomment>
        <translation>La copie sur {target} diffère de {name}&#xa0;: le périphérique est peut-être défaillant. Réessayez ou utilisez une autre cible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The copy on {target} could not be checked: {error}</source>
        <extracomment>kvmgui/runtime/copy_device.py:317</extracomment>
        <translation>La copie sur {target} n&apos;a pas pu être vérifiée&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>runtime.deletion</name>
    <message>
        <location line="+2"/>
        <source>The disk {path} of &apos;{name}&apos; is in use by another program (perhaps a QEMU started outside kvmgui); stop that program first, then delete the VM.</source>
        <extracomment>kvmgui/runtime/deletion.py:39; {name} = vm.name</extracomment>
        <translation>Le disque {path} de «&#xa0;{name}&#xa0;» est utilisé par un autre programme (peut-être un QEMU démarré hors de kvmgui)&#xa0;; arrêtez d&apos;abord ce programme, puis supprimez la VM.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted &apos;{name}&apos;.</source>
        <extracomment>kvmgui/runtime/deletion.py:54; {name} = vm.name</extracomment>
        <translation>«&#xa0;{name}&#xa0;» a été supprimée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{name}&apos; is running (QEMU process {pid}), so it was not deleted; shut it down first: kvmgui-cli shutdown &apos;{name}&apos;</source>
        <extracomment>kvmgui/runtime/deletion.py:59; {name} = vm.name, {pid} = vm.pid</extracomment>
        <translation>«&#xa0;{name}&#xa0;» est en marche (processus QEMU {pid}), elle n&apos;a donc pas été supprimée&#xa0;; éteignez-la d&apos;abord&#xa0;: kvmgui-cli shutdown &apos;{name}&apos;</translation>
    </message>
</context>
<context>
    <name>runtime.disk_snapshots</name>
    <message>
        <location line="+2"/>
        <source>{action} failed: {error}</source>
        <extracomment>kvmgui/runtime/disk_snapshots.py:41</extracomment>
        <translation>{action}&#xa0;: échec&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taking the snapshot &apos;{name}&apos;</source>
        <extracomment>kvmgui/runtime/disk_snapshots.py:60</extracomment>
        <translation>Prise de l&apos;instantané «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The snapshot &apos;{name}&apos; was not found after taking it.</source>
        <extracomment>kvmgui/runtime/disk_snapshots.py:63</extracomment>
        <translation>L&apos;instantané «&#xa0;{name}&#xa0;» est introuvable après sa prise.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{image} has no snapshot named &apos;{snapshot}&apos;.</source>
        <extracomment>kvmgui/runtime/disk_snapshots.py:70</extracomment>
        <translation>{image} n&apos;a pas d&apos;instantané nommé «&#xa0;{snapshot}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reverting to the snapshot &apos;{name}&apos;</source>
        <extracomment>kvmgui/runtime/disk_snapshots.py:79</extracomment>
        <translation>Retour à l&apos;instantané «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleting the snapshot &apos;{name}&apos;</source>
        <extracomment>kvmgui/runtime/disk_snapshots.py:88</extracomment>
        <translation>Suppression de l&apos;instantané «&#xa0;{name}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>runtime.exits</name>
    <message>
        <location line="+2"/>
        <source>The guest shut down.</source>
        <extracomment>kvmgui/runtime/exits.py:19</extracomment>
        <translation>L&apos;invité s&apos;est éteint.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It was turned off.</source>
        <extracomment>kvmgui/runtime/exits.py:20</extracomment>
        <translation>Elle a été éteinte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU was asked to quit by a signal (for example because the computer is shutting down).</source>
        <extracomment>kvmgui/runtime/exits.py:21</extracomment>
        <translation>Un signal a demandé à QEMU de quitter (par exemple parce que l&apos;ordinateur s&apos;éteint).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It was closed from QEMU&apos;s own window.</source>
        <extracomment>kvmgui/runtime/exits.py:23</extracomment>
        <translation>Elle a été fermée depuis la propre fenêtre de QEMU.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest operating system crashed (kernel panic or blue screen).</source>
        <extracomment>kvmgui/runtime/exits.py:26</extracomment>
        <translation>Le système d&apos;exploitation invité a planté (panique du noyau ou écran bleu).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It was forced off.</source>
        <extracomment>kvmgui/runtime/exits.py:47</extracomment>
        <translation>Son arrêt a été forcé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It shut down.</source>
        <extracomment>kvmgui/runtime/exits.py:52</extracomment>
        <translation>Elle s&apos;est éteinte.</translation>
    </message>
    <message>
        <source>{exit}: {error}.</source>
        <translation>{exit}&#xa0;: {error}.</translation>
    </message>
    <message>
        <source>{exit}.</source>
        <translation>{exit}.</translation>
    </message>
</context>
<context>
    <name>runtime.host_probe</name>
    <message>
        <location line="+2"/>
        <source>it could not be started ({problem})</source>
        <extracomment>kvmgui/runtime/host_probe.py:132</extracomment>
        <translation>il n&apos;a pas pu être lancé ({problem})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it did not answer within {timeout} seconds</source>
        <extracomment>kvmgui/runtime/host_probe.py:139</extracomment>
        <translation>il n&apos;a pas répondu en {timeout} secondes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it exited with status {status} ({output})</source>
        <extracomment>kvmgui/runtime/host_probe.py:143</extracomment>
        <translation>il s&apos;est terminé avec le code {status} ({output})</translation>
    </message>
    <message>
        <source>no output</source>
        <translation>aucune sortie</translation>
    </message>
</context>
<context>
    <name>runtime.images</name>
    <message>
        <location line="+2"/>
        <source>The program {program} was not found. Install QEMU&apos;s tools (on Debian/Ubuntu: sudo apt install qemu-utils) or set its path in the settings.</source>
        <extracomment>kvmgui/runtime/images.py:102</extracomment>
        <translation>Le programme {program} est introuvable. Installez les outils de QEMU (sur Debian/Ubuntu&#xa0;: sudo apt install qemu-utils) ou indiquez son chemin dans les paramètres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The program {program} cannot be run (permission denied).</source>
        <extracomment>kvmgui/runtime/images.py:106</extracomment>
        <translation>Le programme {program} ne peut pas être lancé (permission refusée).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>qemu-img did not answer within {timeout} seconds.</source>
        <extracomment>kvmgui/runtime/images.py:131</extracomment>
        <translation>qemu-img n&apos;a pas répondu en {timeout} secondes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read {name}</source>
        <extracomment>kvmgui/runtime/images.py:264; {name} = Path(abspath).name</extracomment>
        <translation>Impossible de lire {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} does not exist.</source>
        <extracomment>kvmgui/runtime/images.py:277</extracomment>
        <translation>{path} n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is a folder, not an image file.</source>
        <extracomment>kvmgui/runtime/images.py:279</extracomment>
        <translation>{path} est un dossier, pas un fichier image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder {folder} does not exist.</source>
        <extracomment>kvmgui/runtime/images.py:311</extracomment>
        <translation>Le dossier {folder} n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} already exists; choose another name.</source>
        <extracomment>kvmgui/runtime/images.py:315</extracomment>
        <translation>{path} existe déjà&#xa0;; choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The base image {base} does not exist.</source>
        <extracomment>kvmgui/runtime/images.py:323</extracomment>
        <translation>L&apos;image de base {base} n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot create {name}</source>
        <extracomment>kvmgui/runtime/images.py:334; {name} = target.name</extracomment>
        <translation>Impossible de créer {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} was cancelled; nothing was changed.</source>
        <extracomment>kvmgui/runtime/images.py:478; {title} = self.title</extracomment>
        <translation>{title}&#xa0;: annulé&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new image did not pass its check ({problem}); the original was kept unchanged.</source>
        <extracomment>kvmgui/runtime/images.py:546</extracomment>
        <translation>La nouvelle image n&apos;a pas passé sa vérification ({problem})&#xa0;; l&apos;originale a été conservée sans modification.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new image&apos;s content differs from the original, so the original was kept unchanged.</source>
        <extracomment>kvmgui/runtime/images.py:560</extracomment>
        <translation>Le contenu de la nouvelle image diffère de l&apos;original, l&apos;originale a donc été conservée sans modification.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new image could not be compared with the original</source>
        <extracomment>kvmgui/runtime/images.py:565</extracomment>
        <translation>La nouvelle image n&apos;a pas pu être comparée à l&apos;originale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui converts to qcow2 or raw, not to &apos;{format}&apos;.</source>
        <extracomment>kvmgui/runtime/images.py:595</extracomment>
        <translation>kvmgui convertit en qcow2 ou en raw, pas en «&#xa0;{format}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only qcow2 images can be compressed; convert to qcow2.</source>
        <extracomment>kvmgui/runtime/images.py:597</extracomment>
        <translation>Seules les images qcow2 peuvent être compressées&#xa0;; convertissez en qcow2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The source and the target are the same file; choose a new file name (to make an image smaller in place, compress it).</source>
        <extracomment>kvmgui/runtime/images.py:603</extracomment>
        <translation>La source et la cible sont le même fichier&#xa0;; choisissez un nouveau nom de fichier (pour rendre une image plus petite sur place, compressez-la).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Converting {name} failed</source>
        <extracomment>kvmgui/runtime/images.py:629; {name} = source.name</extracomment>
        <translation>La conversion de {name} a échoué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Converted {source} ({source_format}) to {target} ({format}, compressed), {size} on disk.</source>
        <extracomment>kvmgui/runtime/images.py:642</extracomment>
        <translation>{source} ({source_format}) converti en {target} ({format}, compressé), {size} sur le disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Converted {source} ({source_format}) to {target} ({format}), {size} on disk.</source>
        <extracomment>kvmgui/runtime/images.py:642</extracomment>
        <translation>{source} ({source_format}) converti en {target} ({format}), {size} sur le disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Converting {name}</source>
        <extracomment>kvmgui/runtime/images.py:646; {name} = source.name</extracomment>
        <translation>Conversion de {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{folder} has only {free} free, but the new image needs about {needed}. Free some space or choose another folder.</source>
        <extracomment>kvmgui/runtime/images.py:663</extracomment>
        <translation>{folder} n&apos;a que {free} de libre, mais la nouvelle image a besoin d&apos;environ {needed}. Libérez de l&apos;espace ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is a {format} image; only qcow2 images can be compressed. Convert it to a new compressed qcow2 image instead.</source>
        <extracomment>kvmgui/runtime/images.py:696; {name} = path.name, {format} = info.format</extracomment>
        <translation>{name} est une image {format}&#xa0;; seules les images qcow2 peuvent être compressées. Convertissez-la plutôt en une nouvelle image qcow2 compressée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compressing {name} failed</source>
        <extracomment>kvmgui/runtime/images.py:709; {name} = path.name</extracomment>
        <translation>La compression de {name} a échoué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is already as small as compression makes it ({size} on disk); it was left unchanged.</source>
        <extracomment>kvmgui/runtime/images.py:716</extracomment>
        <translation>{name} est déjà aussi petit que la compression le permet ({size} sur le disque)&#xa0;; il a été laissé tel quel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compressed {name} from {before} to {after} on disk.</source>
        <extracomment>kvmgui/runtime/images.py:728</extracomment>
        <translation>{name} compressé de {before} à {after} sur le disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compressing {name}</source>
        <extracomment>kvmgui/runtime/images.py:732; {name} = path.name</extracomment>
        <translation>Compression de {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} has {n} snapshots, which {doing} would lose; delete them first.</source>
        <extracomment>kvmgui/runtime/images.py:739</extracomment>
        <translation>{name} a {n} instantanés, que {doing} ferait perdre&#xa0;; supprimez-les d&apos;abord.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} has {n} snapshot, which {doing} would lose; delete it first.</source>
        <extracomment>kvmgui/runtime/images.py:739</extracomment>
        <translation>{name} a {n} instantané, que {doing} ferait perdre&#xa0;; supprimez-le d&apos;abord.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The base image of {name} ({base}) cannot be read.</source>
        <extracomment>kvmgui/runtime/images.py:754</extracomment>
        <translation>L&apos;image de base de {name} ({base}) ne peut pas être lue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new size must be more than zero.</source>
        <extracomment>kvmgui/runtime/images.py:782</extracomment>
        <translation>La nouvelle taille doit être supérieure à zéro.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is already {size}.</source>
        <extracomment>kvmgui/runtime/images.py:788</extracomment>
        <translation>{name} fait déjà {size}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resizing {name} failed</source>
        <extracomment>kvmgui/runtime/images.py:792; {name} = path.name</extracomment>
        <translation>Le redimensionnement de {name} a échoué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} grew from {old} to {new}.</source>
        <extracomment>kvmgui/runtime/images.py:795</extracomment>
        <translation>{name} est passé de {old} à {new}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest still sees the old partition size: enlarge the partition and its file system inside the guest (for example with GParted or Disk Management).</source>
        <extracomment>kvmgui/runtime/images.py:796</extracomment>
        <translation>L&apos;invité voit encore l&apos;ancienne taille de partition&#xa0;: agrandissez la partition et son système de fichiers dans l&apos;invité (par exemple avec GParted ou le Gestionnaire de disques de Windows).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{new} is smaller than the disk&apos;s current size ({old}). Shrinking deletes everything beyond {new} on the disk; shrink the guest&apos;s partitions first and confirm the shrink explicitly.</source>
        <extracomment>kvmgui/runtime/images.py:801</extracomment>
        <translation>{new} est plus petit que la taille actuelle du disque ({old}). La réduction efface tout ce qui se trouve au-delà de {new} sur le disque&#xa0;; réduisez d&apos;abord les partitions de l&apos;invité et confirmez explicitement la réduction.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copying {name} failed</source>
        <extracomment>kvmgui/runtime/images.py:816; {name} = path.name</extracomment>
        <translation>La copie de {name} a échoué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shrinking {name} failed</source>
        <extracomment>kvmgui/runtime/images.py:820; {name} = path.name</extracomment>
        <translation>La réduction de {name} a échoué</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} shrank from {old} to {new}.</source>
        <extracomment>kvmgui/runtime/images.py:830</extracomment>
        <translation>{name} est passé de {old} à {new}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything beyond {size} on the disk was deleted.</source>
        <extracomment>kvmgui/runtime/images.py:831</extracomment>
        <translation>Tout ce qui se trouvait au-delà de {size} sur le disque a été effacé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resizing {name}</source>
        <extracomment>kvmgui/runtime/images.py:834; {name} = path.name</extracomment>
        <translation>Redimensionnement de {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking {name} failed</source>
        <extracomment>kvmgui/runtime/images.py:857; {name} = path.name</extracomment>
        <translation>La vérification de {name} a échoué</translation>
    </message>
    <message>
        <source>{action}: {error}</source>
        <translation>{action}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>compressing</source>
        <translation>la compression</translation>
    </message>
    <message>
        <source>shrinking</source>
        <translation>la réduction</translation>
    </message>
</context>
<context>
    <name>runtime.keys</name>
    <message>
        <location line="+2"/>
        <source>No key was given: write a key or a combination such as ctrl-alt-delete.</source>
        <extracomment>kvmgui/runtime/keys.py:52</extracomment>
        <translation>Aucune touche n&apos;a été indiquée&#xa0;: écrivez une touche ou une combinaison comme ctrl-alt-delete.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{part}&apos; is not a key name QEMU knows: use names such as ctrl, alt, shift, delete, ret, esc, tab, f1…f12, a…z, 0…9 (joined with &apos;-&apos;, e.g. ctrl-alt-f2).</source>
        <extracomment>kvmgui/runtime/keys.py:66</extracomment>
        <translation>«&#xa0;{part}&#xa0;» n&apos;est pas un nom de touche connu de QEMU&#xa0;: utilisez des noms comme ctrl, alt, shift, delete, ret, esc, tab, f1…f12, a…z, 0…9 (reliés par «&#xa0;-&#xa0;», par ex. ctrl-alt-f2).</translation>
    </message>
</context>
<context>
    <name>runtime.launch</name>
    <message>
        <source>virtiofsd could not be started for the shared folder {path}: {exc}</source>
        <extracomment>kvmgui/runtime/launch.py</extracomment>
        <translation>virtiofsd n’a pas pu être lancé pour le dossier partagé {path} : {exc}</translation>
    </message>
    <message>
        <source>virtiofsd did not start for the shared folder {path}; see its log {log}.</source>
        <extracomment>kvmgui/runtime/launch.py</extracomment>
        <translation>virtiofsd n’a pas démarré pour le dossier partagé {path} ; voyez son journal {log}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The runtime folder {dir} is too deep for the VM&apos;s sockets (unix socket paths are limited to {limit} bytes): set XDG_RUNTIME_DIR to a shorter folder.</source>
        <extracomment>kvmgui/runtime/launch.py:117</extracomment>
        <translation>Le dossier d&apos;exécution {dir} est trop profond pour les sockets de la machine virtuelle (les chemins de socket unix sont limités à {limit} octets)&#xa0;: réglez XDG_RUNTIME_DIR sur un dossier plus court.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>kvmgui could not check QEMU and this computer: {exc}</source>
        <extracomment>kvmgui/runtime/launch.py:86</extracomment>
        <translation>kvmgui n&apos;a pas pu vérifier QEMU et cet ordinateur&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM&apos;s settings have {count} problems, so it was not started: {problem}</source>
        <extracomment>kvmgui/runtime/launch.py:107</extracomment>
        <translation>Les réglages de la VM posent {count} problèmes, elle n&apos;a donc pas été démarrée&#xa0;: {problem}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kvmgui cannot create the log folder {folder} ({strerror}).</source>
        <extracomment>kvmgui/runtime/launch.py:125</extracomment>
        <translation>kvmgui ne peut pas créer le dossier des journaux {folder} ({strerror}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui cannot write to its runtime folder {dir} ({strerror}).</source>
        <extracomment>kvmgui/runtime/launch.py:143; {dir} = run.dir, {strerror} = exc.strerror</extracomment>
        <translation>kvmgui ne peut pas écrire dans son dossier d&apos;exécution {dir} ({strerror}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disk image</source>
        <extracomment>kvmgui/runtime/launch.py:192</extracomment>
        <translation>l&apos;image disque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This VM uses UEFI firmware, which is not installed; install it with: sudo apt install ovmf</source>
        <extracomment>kvmgui/runtime/launch.py:277</extracomment>
        <translation>Cette machine virtuelle utilise le micrologiciel UEFI, qui n&apos;est pas installé&#xa0;; installez-le avec&#xa0;: sudo apt install ovmf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui could not create the VM&apos;s UEFI variable store {path} ({strerror}).</source>
        <extracomment>kvmgui/runtime/launch.py:283</extracomment>
        <translation>kvmgui n&apos;a pas pu créer la mémoire des variables UEFI de la machine virtuelle {path} ({strerror}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This VM needs a TPM, which needs the swtpm emulator; install it with: sudo apt install swtpm</source>
        <extracomment>kvmgui/runtime/launch.py:304</extracomment>
        <translation>Cette machine virtuelle a besoin d&apos;un TPM, qui nécessite l&apos;émulateur swtpm&#xa0;; installez-le avec&#xa0;: sudo apt install swtpm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TPM emulator (swtpm) could not be started: {exc}</source>
        <extracomment>kvmgui/runtime/launch.py:314</extracomment>
        <translation>L&apos;émulateur de TPM (swtpm) n&apos;a pas pu être lancé&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TPM emulator (swtpm) did not start; see its log {log}.</source>
        <extracomment>kvmgui/runtime/launch.py:323</extracomment>
        <translation>L&apos;émulateur de TPM (swtpm) n&apos;a pas démarré&#xa0;; consultez son journal {log}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU started but its monitor did not answer within {seconds} s, so it was stopped; see {log}.</source>
        <extracomment>kvmgui/runtime/launch.py:379</extracomment>
        <translation>QEMU a démarré mais son moniteur n&apos;a pas répondu en {seconds} s, il a donc été arrêté&#xa0;; consultez {log}.</translation>
    </message>
</context>
<context>
    <name>runtime.libvirt_conn</name>
    <message>
        <source>The libvirt Python binding is not installed; install kvmgui with its libvirt extra: pip install &apos;kvmgui[libvirt]&apos; (or run scripts/setup.sh again).</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:131</extracomment>
        <translation>La liaison Python de libvirt n&apos;est pas installée&#xa0;; installez kvmgui avec son option libvirt&#xa0;: pip install &apos;kvmgui[libvirt]&apos; (ou relancez scripts/setup.sh).</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is already running.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:285</extracomment>
        <translation>«&#xa0;{name}&#xa0;» est déjà en marche.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; started.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:288</extracomment>
        <translation>«&#xa0;{name}&#xa0;» a démarré.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is paused.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:295</extracomment>
        <translation>«&#xa0;{name}&#xa0;» est en pause.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not paused.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:301</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n&apos;est pas en pause.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is running again.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:303</extracomment>
        <translation>«&#xa0;{name}&#xa0;» tourne de nouveau.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was forced off.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:310</extracomment>
        <translation>«&#xa0;{name}&#xa0;» a été arrêtée de force.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was reset.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:317</extracomment>
        <translation>«&#xa0;{name}&#xa0;» a été réinitialisée.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was asked to shut down.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:329</extracomment>
        <translation>L&apos;arrêt de «&#xa0;{name}&#xa0;» a été demandé.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; shut down.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:335</extracomment>
        <translation>«&#xa0;{name}&#xa0;» s&apos;est arrêtée.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; did not shut down in time and was forced off.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:340</extracomment>
        <translation>«&#xa0;{name}&#xa0;» ne s&apos;est pas arrêtée à temps et a été arrêtée de force.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; did not shut down in time; force it off with kill, or wait longer.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:345</extracomment>
        <translation>«&#xa0;{name}&#xa0;» ne s&apos;est pas arrêtée à temps&#xa0;; forcez son arrêt avec kill, ou attendez plus longtemps.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not running.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:363</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n&apos;est pas en marche.</translation>
    </message>
    <message>
        <source>The connection to {uri} is closed.</source>
        <extracomment>kvmgui/runtime/libvirt_conn.py:376</extracomment>
        <translation>La connexion à {uri} est fermée.</translation>
    </message>
</context>
<context>
    <name>runtime.libvirt_errors</name>
    <message>
        <source>{uri} has no VM named &apos;{name}&apos;; list its VMs with: kvmgui-cli --connect {uri} list</source>
        <extracomment>kvmgui/runtime/libvirt_errors.py:50</extracomment>
        <translation>{uri} n&apos;a pas de VM nommée «&#xa0;{name}&#xa0;»&#xa0;; listez ses VM avec&#xa0;: kvmgui-cli --connect {uri} list</translation>
    </message>
    <message>
        <source>You may not use libvirt&apos;s socket for {uri}; join the libvirt group: sudo adduser $USER libvirt, then log out and in.</source>
        <extracomment>kvmgui/runtime/libvirt_errors.py:70</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;utiliser le socket de libvirt pour {uri}&#xa0;; rejoignez le groupe libvirt&#xa0;: sudo adduser $USER libvirt, puis déconnectez-vous et reconnectez-vous.</translation>
    </message>
    <message>
        <source>The libvirt daemon is not running for {uri}; start it: sudo systemctl start libvirtd (install it with: sudo apt install libvirt-daemon-system).</source>
        <extracomment>kvmgui/runtime/libvirt_errors.py:77</extracomment>
        <translation>Le démon libvirt ne tourne pas pour {uri}&#xa0;; démarrez-le&#xa0;: sudo systemctl start libvirtd (installez-le avec&#xa0;: sudo apt install libvirt-daemon-system).</translation>
    </message>
    <message>
        <source>libvirt refused the operation on {uri}; see the details.</source>
        <extracomment>kvmgui/runtime/libvirt_errors.py:82</extracomment>
        <translation>libvirt a refusé l&apos;opération sur {uri}&#xa0;; voyez les détails.</translation>
    </message>
    <message>
        <source>The SSH host key of {host} is not known; connect once with: {command} (check and accept the key), then try again.</source>
        <extracomment>kvmgui/runtime/libvirt_errors.py:55</extracomment>
        <translation>La clé d&apos;hôte SSH de {host} est inconnue&#xa0;; connectez-vous une fois avec&#xa0;: {command} (vérifiez et acceptez la clé), puis réessayez.</translation>
    </message>
    <message>
        <source>SSH to {host} failed; check that {command} logs in without a password prompt (an SSH key, ssh-copy-id) and that the host runs an SSH server.</source>
        <extracomment>kvmgui/runtime/libvirt_errors.py:63</extracomment>
        <translation>La connexion SSH à {host} a échoué&#xa0;; vérifiez que {command} se connecte sans demander de mot de passe (une clé SSH, ssh-copy-id) et que l&apos;hôte fait tourner un serveur SSH.</translation>
    </message>
    <message>
        <source>{host} has no libvirt to talk to (neither virt-ssh-helper nor nc is installed there); install it on {host}: sudo apt install libvirt-daemon-system.</source>
        <extracomment>kvmgui/runtime/libvirt_errors.py:115</extracomment>
        <translation>{host} n&apos;a pas de libvirt avec qui parler (ni virt-ssh-helper ni nc n&apos;y sont installés)&#xa0;; installez-le sur {host}&#xa0;: sudo apt install libvirt-daemon-system.</translation>
    </message>
    <message>
        <source>The libvirt daemon is not running on {host}; start it there: sudo systemctl start libvirtd (install it with: sudo apt install libvirt-daemon-system).</source>
        <extracomment>kvmgui/runtime/libvirt_errors.py:121</extracomment>
        <translation>Le démon libvirt ne tourne pas sur {host}&#xa0;; démarrez-le là-bas&#xa0;: sudo systemctl start libvirtd (installez-le avec&#xa0;: sudo apt install libvirt-daemon-system).</translation>
    </message>
    <message>
        <source>{user} may not use libvirt&apos;s socket on {host}; add the user to the libvirt group there: sudo adduser {user} libvirt.</source>
        <extracomment>kvmgui/runtime/libvirt_errors.py:127</extracomment>
        <translation>{user} n&apos;a pas le droit d&apos;utiliser le socket de libvirt sur {host}&#xa0;; ajoutez l&apos;utilisateur au groupe libvirt là-bas&#xa0;: sudo adduser {user} libvirt.</translation>
    </message>
</context>
<context>
    <name>runtime.live</name>
    <message>
        <location line="+2"/>
        <source>Protection is OFF: everything the guest writes goes straight to {path}. A live system may change or damage what is on it.</source>
        <extracomment>kvmgui/runtime/live.py:33</extracomment>
        <translation>La protection est DÉSACTIVÉE&#xa0;: tout ce que l&apos;invité écrit va directement sur {path}. Un système live peut modifier ou abîmer son contenu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} does not exist: check the name of the stick or image.</source>
        <extracomment>kvmgui/runtime/live.py:53</extracomment>
        <translation>{path} n&apos;existe pas&#xa0;: vérifiez le nom de la clé ou de l&apos;image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} cannot be checked ({strerror}).</source>
        <extracomment>kvmgui/runtime/live.py:55; {strerror} = exc.strerror</extracomment>
        <translation>{path} ne peut pas être vérifié ({strerror}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is neither a USB stick nor an image file (.img or .iso): pick a stick listed by &apos;kvmgui-cli devices&apos;, or an image file.</source>
        <extracomment>kvmgui/runtime/live.py:57</extracomment>
        <translation>{path} n&apos;est ni une clé USB ni un fichier image (.img ou .iso)&#xa0;: choisissez une clé listée par «&#xa0;kvmgui-cli devices&#xa0;», ou un fichier image.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is empty, so there is nothing to boot.</source>
        <extracomment>kvmgui/runtime/live.py:60</extracomment>
        <translation>{path} est vide, il n&apos;y a donc rien à démarrer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read and write</source>
        <extracomment>kvmgui/runtime/live.py:62</extracomment>
        <translation>lire et écrire dans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not {need} {path}: give your user access to it (chmod u+rw).</source>
        <extracomment>kvmgui/runtime/live.py:63</extracomment>
        <translation>Vous n&apos;avez pas le droit de {need} {path}&#xa0;: donnez-en l&apos;accès à votre compte (chmod u+rw).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{given} is not a USB stick or card this computer lists (a partition?): pick a whole stick from &apos;kvmgui-cli devices&apos;.</source>
        <extracomment>kvmgui/runtime/live.py:84</extracomment>
        <translation>{given} n&apos;est pas une clé USB ou une carte listée par cet ordinateur (une partition&#xa0;?)&#xa0;: choisissez une clé entière dans «&#xa0;kvmgui-cli devices&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{given} is a CD/DVD drive: use it as the CD of a VM instead (kvmgui-cli create NAME --cdrom {given}).</source>
        <extracomment>kvmgui/runtime/live.py:87</extracomment>
        <translation>{given} est un lecteur CD/DVD&#xa0;: utilisez-le plutôt comme CD d&apos;une machine virtuelle (kvmgui-cli create NOM --cdrom {given}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not write to {path}; add yourself to the disk group: sudo adduser $USER disk, then log in again.</source>
        <extracomment>kvmgui/runtime/live.py:92</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;écrire sur {path}&#xa0;; ajoutez-vous au groupe disk&#xa0;: sudo adduser $USER disk, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Throwaway VM testing {description}.</source>
        <extracomment>kvmgui/runtime/live.py:110; {description} = source.description</extracomment>
        <translation>Machine virtuelle jetable qui teste {description}.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lire</translation>
    </message>
</context>
<context>
    <name>runtime.live_snapshots</name>
    <message>
        <source>A running VM with shared folders cannot take or go back to a snapshot, because QEMU cannot save their state: shut the VM down first, or stop sharing them.</source>
        <extracomment>kvmgui/runtime/live_snapshots.py</extracomment>
        <translation>Une VM en marche qui partage des dossiers ne peut ni prendre d’instantané ni revenir à un instantané, car QEMU ne sait pas enregistrer leur état : arrêtez d’abord la VM, ou cessez de les partager.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snapshots need qcow2 disks, and disk {number} ({path}) is a {format} image: convert it to qcow2 with &apos;kvmgui-cli img convert&apos;.</source>
        <extracomment>kvmgui/runtime/live_snapshots.py:55</extracomment>
        <translation>Les instantanés nécessitent des disques qcow2, et le disque {number} ({path}) est une image {format}&#xa0;: convertissez-le en qcow2 avec «&#xa0;kvmgui-cli img convert&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A live snapshot cannot include the unprotected USB stick: remove it or make it protected.</source>
        <extracomment>kvmgui/runtime/live_snapshots.py:60</extracomment>
        <translation>Un instantané à chaud ne peut pas inclure la clé USB non protégée&#xa0;: retirez-la ou protégez-la.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This VM has no disk to take snapshots of.</source>
        <extracomment>kvmgui/runtime/live_snapshots.py:63</extracomment>
        <translation>Cette machine virtuelle n&apos;a aucun disque dont prendre des instantanés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU did not list its disks: {exc}</source>
        <extracomment>kvmgui/runtime/live_snapshots.py:78</extracomment>
        <translation>QEMU n&apos;a pas listé ses disques&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU refused the snapshot: {exc}</source>
        <extracomment>kvmgui/runtime/live_snapshots.py:106</extracomment>
        <translation>QEMU a refusé l&apos;instantané&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The snapshot did not finish within {timeout} s; QEMU is still working on it.</source>
        <extracomment>kvmgui/runtime/live_snapshots.py:118</extracomment>
        <translation>L&apos;instantané n&apos;a pas été terminé en {timeout} s&#xa0;; QEMU y travaille encore.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Taking the snapshot &apos;{name}&apos; failed: {error}</source>
        <extracomment>kvmgui/runtime/live_snapshots.py:134</extracomment>
        <translation>La prise de l&apos;instantané «&#xa0;{name}&#xa0;» a échoué&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no snapshot named &apos;{name}&apos; on every disk of this VM.</source>
        <extracomment>kvmgui/runtime/live_snapshots.py:144</extracomment>
        <translation>L&apos;instantané «&#xa0;{name}&#xa0;» n&apos;existe pas sur tous les disques de cette machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the snapshot &apos;{name}&apos; failed part-way ({error}); the VM is paused. Revert to another snapshot, or turn it off: resuming it may show a damaged state.</source>
        <extracomment>kvmgui/runtime/live_snapshots.py:156</extracomment>
        <translation>Le chargement de l&apos;instantané «&#xa0;{name}&#xa0;» a échoué en cours de route ({error})&#xa0;; la machine virtuelle est en pause. Revenez à un autre instantané, ou éteignez-la&#xa0;: la reprendre risque de montrer un état abîmé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleting the snapshot &apos;{name}&apos; failed: {error}</source>
        <extracomment>kvmgui/runtime/live_snapshots.py:166</extracomment>
        <translation>La suppression de l&apos;instantané «&#xa0;{name}&#xa0;» a échoué&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>runtime.manager</name>
    <message>
        <location line="+2"/>
        <source>There is no VM called &apos;{name}&apos;: &apos;kvmgui-cli list&apos; shows the VMs there are.</source>
        <extracomment>kvmgui/runtime/manager.py:246</extracomment>
        <translation>Il n&apos;y a pas de machine virtuelle nommée «&#xa0;{name}&#xa0;»&#xa0;: «&#xa0;kvmgui-cli list&#xa0;» affiche celles qui existent.</translation>
    </message>
</context>
<context>
    <name>runtime.medium</name>
    <message>
        <location line="+2"/>
        <source>disc image</source>
        <extracomment>kvmgui/runtime/medium.py:31</extracomment>
        <translation>l&apos;image de CD/DVD</translation>
    </message>
</context>
<context>
    <name>runtime.process</name>
    <message>
        <location line="+2"/>
        <source>{path} is not a folder, so kvmgui will not use it as its runtime folder; remove it.</source>
        <extracomment>kvmgui/runtime/process.py:62</extracomment>
        <translation>{path} n&apos;est pas un dossier, donc kvmgui ne l&apos;utilisera pas comme dossier d&apos;exécution&#xa0;; supprimez-le.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} belongs to another user, so kvmgui will not trust or use it; remove it (as root) or set XDG_RUNTIME_DIR.</source>
        <extracomment>kvmgui/runtime/process.py:65</extracomment>
        <translation>{path} appartient à un autre utilisateur, donc kvmgui ne lui fera pas confiance et ne l&apos;utilisera pas&#xa0;; supprimez-le (en root) ou définissez XDG_RUNTIME_DIR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} can be entered by other users, so kvmgui will not trust it; make it private with: chmod 700 {path}</source>
        <extracomment>kvmgui/runtime/process.py:68</extracomment>
        <translation>D&apos;autres utilisateurs peuvent entrer dans {path}, donc kvmgui ne lui fera pas confiance&#xa0;; rendez-le privé avec&#xa0;: chmod 700 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU ({program}) is not installed or not on the PATH; install it with: sudo apt install qemu-system-x86</source>
        <extracomment>kvmgui/runtime/process.py:120</extracomment>
        <translation>QEMU ({program}) n&apos;est pas installé ou n&apos;est pas dans le PATH&#xa0;; installez-le avec&#xa0;: sudo apt install qemu-system-x86</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU ({program}) could not be started: {strerror}; check that it is installed and executable.</source>
        <extracomment>kvmgui/runtime/process.py:154</extracomment>
        <translation>QEMU ({program}) n&apos;a pas pu être lancé&#xa0;: {strerror}&#xa0;; vérifiez qu&apos;il est installé et exécutable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signal {signal}</source>
        <extracomment>kvmgui/runtime/process.py:338; {signal} = self.signal</extracomment>
        <translation>signal {signal}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU was killed by signal {signal} ({name})</source>
        <extracomment>kvmgui/runtime/process.py:339; {signal} = self.signal</extracomment>
        <translation>QEMU a été tué par le signal {signal} ({name})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU exited with code {code}</source>
        <extracomment>kvmgui/runtime/process.py:341; {code} = self.code</extracomment>
        <translation>QEMU s&apos;est terminé avec le code {code}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU ended unexpectedly</source>
        <extracomment>kvmgui/runtime/process.py:342</extracomment>
        <translation>QEMU s&apos;est arrêté de façon inattendue</translation>
    </message>
</context>
<context>
    <name>runtime.qemu_errors</name>
    <message>
        <location line="+2"/>
        <source>the ISO image {path}</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:75</extracomment>
        <translation>l&apos;image ISO {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk image {path}</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:77</extracomment>
        <translation>l&apos;image disque {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file {path}</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:78</extracomment>
        <translation>le fichier {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a disk or CD image of this VM</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:79</extracomment>
        <translation>une image de disque ou de CD de cette machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This disk is already used by a running VM: {what} is open in another QEMU, so this VM cannot use it at the same time. Shut the other VM down first, or give this VM its own copy of the disk.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:93</extracomment>
        <translation>Ce disque est déjà utilisé par une machine virtuelle en marche&#xa0;: {what} est ouvert dans un autre QEMU, cette machine virtuelle ne peut donc pas l&apos;utiliser en même temps. Éteignez d&apos;abord l&apos;autre machine virtuelle, ou donnez à celle-ci sa propre copie du disque.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} is not there: connect the device (or insert the disc), or remove it from the VM&apos;s settings.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:103</extracomment>
        <translation>{what} n&apos;est pas là&#xa0;: branchez le périphérique (ou insérez le disque), ou retirez-le des paramètres de la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} does not exist (it was moved, renamed or deleted): choose the file again in the VM&apos;s settings, or remove it from the VM.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:106</extracomment>
        <translation>{what} n&apos;existe pas (il a été déplacé, renommé ou supprimé)&#xa0;: choisissez à nouveau le fichier dans les paramètres de la machine virtuelle, ou retirez-le de la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui is not allowed to open {what} (permission denied): give your user access to it (for example copy it into your home folder), or choose another file.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:113</extracomment>
        <translation>kvmgui n&apos;a pas le droit d&apos;ouvrir {what} (permission refusée)&#xa0;: donnez-en l&apos;accès à votre compte (par exemple en le copiant dans votre dossier personnel), ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are not allowed to use KVM (permission denied on /dev/kvm): add yourself to the kvm group with &apos;sudo adduser $USER kvm&apos;, then log out and back in. Until then, set the VM&apos;s accelerator to TCG (much slower).</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:122</extracomment>
        <translation>Vous n&apos;avez pas le droit d&apos;utiliser KVM (permission refusée sur /dev/kvm)&#xa0;: ajoutez-vous au groupe kvm avec «&#xa0;sudo adduser $USER kvm&#xa0;», puis fermez la session et rouvrez-la. En attendant, réglez l&apos;accélérateur de la machine virtuelle sur TCG (beaucoup plus lent).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KVM is not available on this computer (there is no /dev/kvm): turn on virtualization (Intel VT-x or AMD-V) in the computer&apos;s firmware settings, or set the VM&apos;s accelerator to TCG (much slower).</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:127</extracomment>
        <translation>KVM n&apos;est pas disponible sur cet ordinateur (il n&apos;y a pas de /dev/kvm)&#xa0;: activez la virtualisation (Intel VT-x ou AMD-V) dans les réglages du micrologiciel de l&apos;ordinateur, ou réglez l&apos;accélérateur de la machine virtuelle sur TCG (beaucoup plus lent).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KVM is busy: another hypervisor (VirtualBox or VMware) is using the CPU&apos;s virtualization; quit it, or set the VM&apos;s accelerator to TCG (much slower).</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:132</extracomment>
        <translation>KVM est occupé&#xa0;: un autre hyperviseur (VirtualBox ou VMware) utilise la virtualisation du processeur&#xa0;; quittez-le, ou réglez l&apos;accélérateur de la machine virtuelle sur TCG (beaucoup plus lent).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KVM could not be started ({reason}): run &apos;kvmgui-cli doctor&apos; to find out why, or set the VM&apos;s accelerator to TCG (much slower).</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:135</extracomment>
        <translation>KVM n&apos;a pas pu être démarré ({reason})&#xa0;: lancez «&#xa0;kvmgui-cli doctor&#xa0;» pour savoir pourquoi, ou réglez l&apos;accélérateur de la machine virtuelle sur TCG (beaucoup plus lent).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the PulseAudio/PipeWire sound server</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:141</extracomment>
        <translation>le serveur de son PulseAudio/PipeWire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PipeWire</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:141</extracomment>
        <translation>PipeWire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the sound card (ALSA)</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:142</extracomment>
        <translation>la carte son (ALSA)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the JACK sound server</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:142</extracomment>
        <translation>le serveur de son JACK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU could not connect to {server}: start your desktop&apos;s sound service, or turn sound off for this VM.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:144</extracomment>
        <translation>QEMU n&apos;a pas pu joindre {server}&#xa0;: démarrez le service de son de votre bureau, ou désactivez le son pour cette machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU&apos;s module for your desktop&apos;s sound server is not installed: install it with sudo apt install {package}, or turn sound off for this VM.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:152</extracomment>
        <translation>Le module de QEMU pour le serveur de son de votre bureau n&apos;est pas installé&#xa0;: installez-le avec sudo apt install {package}, ou coupez le son de cette machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host port {host_port} is already in use by another program, so it cannot be forwarded to the guest&apos;s port {guest_port}: choose another host port in the VM&apos;s network settings, or stop the program that uses it.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:159</extracomment>
        <translation>Le port hôte {host_port} est déjà utilisé par un autre programme, il ne peut donc pas être redirigé vers le port {guest_port} de l&apos;invité&#xa0;: choisissez un autre port hôte dans les paramètres réseau de la machine virtuelle, ou arrêtez le programme qui l&apos;utilise.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The &apos;host&apos; CPU model only works with KVM, and this VM runs without it: set the VM&apos;s accelerator to KVM, or remove &apos;-cpu host&apos; from its extra arguments.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:166</extracomment>
        <translation>Le modèle de processeur «&#xa0;host&#xa0;» ne fonctionne qu&apos;avec KVM, et cette machine virtuelle tourne sans&#xa0;: réglez son accélérateur sur KVM, ou retirez «&#xa0;-cpu host&#xa0;» de ses arguments supplémentaires.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU failed to set up the host&apos;s CPU model under KVM (this happens inside some nested virtual machines): set the VM&apos;s accelerator to TCG, or run it on the real computer.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:172</extracomment>
        <translation>QEMU n&apos;a pas réussi à configurer le modèle de processeur de l&apos;hôte sous KVM (cela arrive dans certaines machines virtuelles imbriquées)&#xa0;: réglez l&apos;accélérateur de la machine virtuelle sur TCG, ou lancez-la sur l&apos;ordinateur réel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the {amount} of memory this VM wants</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:179</extracomment>
        <translation>les {amount} de mémoire que demande cette machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this VM&apos;s memory</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:179</extracomment>
        <translation>la mémoire de cette machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is not enough free memory for {size}: give the VM less memory, or close other programs and VMs.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:181</extracomment>
        <translation>Il n&apos;y a pas assez de mémoire libre pour {size}&#xa0;: donnez moins de mémoire à la machine virtuelle, ou fermez d&apos;autres programmes et machines virtuelles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} is not a {format} image although the VM&apos;s settings say so: set the disk&apos;s real format in the VM&apos;s settings (&apos;kvmgui-cli img info&apos; shows it).</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:188</extracomment>
        <translation>{what} n&apos;est pas une image {format}, contrairement à ce que disent les paramètres de la machine virtuelle&#xa0;: indiquez le vrai format du disque dans ses paramètres («&#xa0;kvmgui-cli img info&#xa0;» l&apos;affiche).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This VM is already running or being started by another program (its pidfile is locked).</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:195</extracomment>
        <translation>Cette machine virtuelle est déjà en marche ou en cours de démarrage par un autre programme (son fichier PID est verrouillé).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One of the VM&apos;s sockets is in use, so another copy of this VM is probably running; stop it first.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:201</extracomment>
        <translation>Un des sockets de la machine virtuelle est utilisé&#xa0;: une autre copie de cette machine virtuelle tourne probablement&#xa0;; arrêtez-la d&apos;abord.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This QEMU does not support the VM&apos;s machine type (it was probably created with a newer QEMU): update QEMU, or choose the machine type again in the VM&apos;s settings.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:207</extracomment>
        <translation>Ce QEMU ne prend pas en charge le type de machine de la machine virtuelle (elle a probablement été créée avec un QEMU plus récent)&#xa0;: mettez QEMU à jour, ou choisissez à nouveau le type de machine dans ses paramètres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TPM emulator (swtpm) did not work: check that swtpm is installed (sudo apt install swtpm), or turn the TPM off in the VM&apos;s settings.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:213</extracomment>
        <translation>L&apos;émulateur de TPM (swtpm) n&apos;a pas fonctionné&#xa0;: vérifiez que swtpm est installé (sudo apt install swtpm), ou désactivez le TPM dans les paramètres de la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU could not start the VM</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:279</extracomment>
        <translation>QEMU n&apos;a pas pu démarrer la machine virtuelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU stopped unexpectedly</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:281</extracomment>
        <translation>QEMU s&apos;est arrêté de façon inattendue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{summary} ({exit_text}) and printed no error message.</source>
        <extracomment>kvmgui/runtime/qemu_errors.py:287</extracomment>
        <translation>{summary} ({exit_text}) sans afficher de message d&apos;erreur.</translation>
    </message>
    <message>
        <source>{role} ({path})</source>
        <translation>{role} ({path})</translation>
    </message>
    <message>
        <source>{role}</source>
        <translation>{role}</translation>
    </message>
    <message>
        <source>{summary}: {error}.</source>
        <translation>{summary}&#xa0;: {error}.</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}.</translation>
    </message>
    <message>
        <source>the {driver} sound system</source>
        <translation>le système audio {driver}</translation>
    </message>
</context>
<context>
    <name>runtime.qemu_probe</name>
    <message>
        <location line="+2"/>
        <source>QEMU ({binary}) is not installed or not on the PATH; install it with: {fix}</source>
        <extracomment>kvmgui/runtime/qemu_probe.py:43</extracomment>
        <translation>QEMU ({binary}) n&apos;est pas installé ou n&apos;est pas dans le PATH&#xa0;; installez-le avec&#xa0;: {fix}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU ({path}) cannot be run: {strerror}.</source>
        <extracomment>kvmgui/runtime/qemu_probe.py:102; {strerror} = err.strerror</extracomment>
        <translation>QEMU ({path}) ne peut pas être lancé&#xa0;: {strerror}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU ({path}) did not answer `{command}` within {timeout} seconds.</source>
        <extracomment>kvmgui/runtime/qemu_probe.py:109</extracomment>
        <translation>QEMU ({path}) n&apos;a pas répondu à `{command}` en {timeout} secondes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU ({path}) failed to answer `{command}`: {error}</source>
        <extracomment>kvmgui/runtime/qemu_probe.py:114</extracomment>
        <translation>QEMU ({path}) n&apos;a pas su répondre à `{command}`&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU ({path}) failed to answer `{command}`.</source>
        <extracomment>kvmgui/runtime/qemu_probe.py:114</extracomment>
        <translation>QEMU ({path}) n&apos;a pas su répondre à `{command}`.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} does not look like QEMU: {error}</source>
        <extracomment>kvmgui/runtime/qemu_probe.py:139</extracomment>
        <translation>{path} ne ressemble pas à QEMU&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>runtime.qmp_session</name>
    <message>
        <location line="+2"/>
        <source>Another program is connected to this VM&apos;s monitor (QEMU serves one client at a time); close it or try again.</source>
        <extracomment>kvmgui/runtime/qmp_session.py:165</extracomment>
        <translation>Un autre programme est connecté au moniteur de cette machine virtuelle (QEMU ne sert qu&apos;un client à la fois)&#xa0;; fermez-le ou réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM&apos;s monitor at {socket} does not answer ({exc}).</source>
        <extracomment>kvmgui/runtime/qmp_session.py:176</extracomment>
        <translation>Le moniteur de la machine virtuelle sur {socket} ne répond pas ({exc}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection to the VM&apos;s monitor was lost.</source>
        <extracomment>kvmgui/runtime/qmp_session.py:244</extracomment>
        <translation>La connexion au moniteur de la machine virtuelle a été perdue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU did not answer &apos;{command}&apos; within {seconds} s; it may be hung. Force the VM off if this persists.</source>
        <extracomment>kvmgui/runtime/qmp_session.py:251</extracomment>
        <translation>QEMU n&apos;a pas répondu à «&#xa0;{command}&#xa0;» en {seconds} s&#xa0;; il est peut-être bloqué. Forcez l&apos;arrêt de la machine virtuelle si cela persiste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM has no monitor socket.</source>
        <extracomment>kvmgui/runtime/qmp_session.py:295</extracomment>
        <translation>La machine virtuelle n&apos;a pas de socket de moniteur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The VM&apos;s monitor socket {path} does not exist.</source>
        <extracomment>kvmgui/runtime/qmp_session.py:298</extracomment>
        <translation>Le socket de moniteur {path} de la machine virtuelle n&apos;existe pas.</translation>
    </message>
</context>
<context>
    <name>runtime.restore</name>
    <message>
        <location line="+2"/>
        <source>The new disk ({size}) is smaller than the disk the backup was made from ({source}): a backup can only be restored onto a disk at least as large as the original. Make the new disk at least {source}.</source>
        <extracomment>kvmgui/runtime/restore.py:34</extracomment>
        <translation>Le nouveau disque ({size}) est plus petit que le disque d&apos;origine de la sauvegarde ({source})&#xa0;: une sauvegarde ne peut être restaurée que sur un disque au moins aussi grand que l&apos;original. Faites un nouveau disque d&apos;au moins {source}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restores the backup on {backup} with the rescue system {iso}.</source>
        <extracomment>kvmgui/runtime/restore.py:51</extracomment>
        <translation>Restaure la sauvegarde de {backup} avec le système de secours {iso}.</translation>
    </message>
</context>
<context>
    <name>runtime.rfb.address</name>
    <message>
        <location line="+2"/>
        <source>“{text}” is not a display address (a socket path or host:port).</source>
        <extracomment>kvmgui/runtime/rfb/address.py:60</extracomment>
        <translation>«&#xa0;{text}&#xa0;» n&apos;est pas une adresse d&apos;affichage (un chemin de socket ou hôte:port).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{port} is not a valid TCP port.</source>
        <extracomment>kvmgui/runtime/rfb/address.py:64; {port} = address.port</extracomment>
        <translation>{port} n&apos;est pas un port TCP valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display address {address} is not on this computer; kvmgui only connects to displays on 127.0.0.1 or a local socket.</source>
        <extracomment>kvmgui/runtime/rfb/address.py:67</extracomment>
        <translation>L&apos;adresse d&apos;affichage {address} n&apos;est pas sur cet ordinateur&#xa0;; kvmgui ne se connecte qu&apos;aux affichages sur 127.0.0.1 ou sur un socket local.</translation>
    </message>
</context>
<context>
    <name>runtime.rfb.client</name>
    <message>
        <location line="+2"/>
        <source>The display at {addr} did not answer in time. Is the VM still starting?</source>
        <extracomment>kvmgui/runtime/rfb/client.py:183</extracomment>
        <translation>L&apos;affichage sur {addr} n&apos;a pas répondu à temps. La machine virtuelle est-elle encore en train de démarrer&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display at {addr} closed the connection during the greeting; another viewer may hold it exclusively.</source>
        <extracomment>kvmgui/runtime/rfb/client.py:187</extracomment>
        <translation>L&apos;affichage sur {addr} a fermé la connexion pendant l&apos;accueil&#xa0;; une autre visionneuse le monopolise peut-être.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{addr} is not a VNC display (it greeted with {greeting}).</source>
        <extracomment>kvmgui/runtime/rfb/client.py:228</extracomment>
        <translation>{addr} n&apos;est pas un affichage VNC (il a répondu {greeting}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display speaks RFB {major}.{minor}, which kvmgui cannot.</source>
        <extracomment>kvmgui/runtime/rfb/client.py:231</extracomment>
        <translation>L&apos;affichage parle RFB {major}.{minor}, ce que kvmgui ne sait pas faire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display refused the connection: {reason}</source>
        <extracomment>kvmgui/runtime/rfb/client.py:239</extracomment>
        <translation>L&apos;affichage a refusé la connexion&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display refused the password. Check the VM&apos;s display password. ({detail})</source>
        <extracomment>kvmgui/runtime/rfb/client.py:259</extracomment>
        <translation>L&apos;affichage a refusé le mot de passe. Vérifiez le mot de passe d&apos;affichage de la machine virtuelle. ({detail})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display refused the password. Check the VM&apos;s display password.</source>
        <extracomment>kvmgui/runtime/rfb/client.py:259</extracomment>
        <translation>L&apos;affichage a refusé le mot de passe. Vérifiez le mot de passe d&apos;affichage de la machine virtuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display refused the connection. {detail}</source>
        <extracomment>kvmgui/runtime/rfb/client.py:262</extracomment>
        <translation>L&apos;affichage a refusé la connexion. {detail}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display asks for a password.</source>
        <extracomment>kvmgui/runtime/rfb/client.py:285</extracomment>
        <translation>L&apos;affichage demande un mot de passe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display requires an authentication method kvmgui does not support (types {types}); use no password or a VNC password.</source>
        <extracomment>kvmgui/runtime/rfb/client.py:288</extracomment>
        <translation>L&apos;affichage exige une méthode d&apos;authentification que kvmgui ne prend pas en charge (types {types})&#xa0;; n&apos;utilisez pas de mot de passe ou utilisez un mot de passe VNC.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display closed the connection.</source>
        <extracomment>kvmgui/runtime/rfb/client.py:295</extracomment>
        <translation>L&apos;affichage a fermé la connexion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display sent an unknown message (type {msg}).</source>
        <extracomment>kvmgui/runtime/rfb/client.py:313</extracomment>
        <translation>L&apos;affichage a envoyé un message inconnu (type {msg}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The console was disconnected.</source>
        <extracomment>kvmgui/runtime/rfb/client.py:315</extracomment>
        <translation>La console a été déconnectée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display connection failed: {exc}</source>
        <extracomment>kvmgui/runtime/rfb/client.py:323</extracomment>
        <translation>La connexion à l&apos;affichage a échoué&#xa0;: {exc}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display sent an unknown QEMU message (type {sub}).</source>
        <extracomment>kvmgui/runtime/rfb/client.py:340</extracomment>
        <translation>L&apos;affichage a envoyé un message QEMU inconnu (type {sub}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display sent a cursor in an unsupported encoding ({encoding}).</source>
        <extracomment>kvmgui/runtime/rfb/client.py:391</extracomment>
        <translation>L&apos;affichage a envoyé un curseur dans un encodage non pris en charge ({encoding}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display sent a rectangle in an encoding kvmgui did not ask for ({encoding}).</source>
        <extracomment>kvmgui/runtime/rfb/client.py:406</extracomment>
        <translation>L&apos;affichage a envoyé un rectangle dans un encodage que kvmgui n&apos;a pas demandé ({encoding}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display sent a rectangle outside its screen ({w}x{h}+{x}+{y} on {width}x{height}).</source>
        <extracomment>kvmgui/runtime/rfb/client.py:447; {width} = self.width, {height} = self.height</extracomment>
        <translation>L&apos;affichage a envoyé un rectangle hors de son écran ({w}x{h}+{x}+{y} sur {width}x{height}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display reported an impossible size ({w}x{h}).</source>
        <extracomment>kvmgui/runtime/rfb/client.py:453</extracomment>
        <translation>L&apos;affichage a indiqué une taille impossible ({w}x{h}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No display is listening at {addr}: the VM is probably not running.</source>
        <extracomment>kvmgui/runtime/rfb/client.py:544</extracomment>
        <translation>Aucun affichage n&apos;écoute sur {addr}&#xa0;: la machine virtuelle n&apos;est probablement pas en marche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display at {addr} refused the connection: the VM is probably not running.</source>
        <extracomment>kvmgui/runtime/rfb/client.py:546</extracomment>
        <translation>L&apos;affichage sur {addr} a refusé la connexion&#xa0;: la machine virtuelle n&apos;est probablement pas en marche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui may not open the display socket {addr} (permission denied).</source>
        <extracomment>kvmgui/runtime/rfb/client.py:548</extracomment>
        <translation>kvmgui n&apos;a pas le droit d&apos;ouvrir le socket d&apos;affichage {addr} (permission refusée).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display at {addr} did not answer in time.</source>
        <extracomment>kvmgui/runtime/rfb/client.py:550</extracomment>
        <translation>L&apos;affichage sur {addr} n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not connect to the display at {addr}: {exc}</source>
        <extracomment>kvmgui/runtime/rfb/client.py:551</extracomment>
        <translation>Impossible de se connecter à l&apos;affichage sur {addr}&#xa0;: {exc}</translation>
    </message>
    <message>
        <source>The display refused the connection.</source>
        <translation>L&apos;affichage a refusé la connexion.</translation>
    </message>
</context>
<context>
    <name>runtime.rfb.des</name>
</context>
<context>
    <name>runtime.rfb.keymap</name>
    <message>
        <location line="+2"/>
        <source>“{character}” cannot be typed on a US keyboard.</source>
        <extracomment>kvmgui/runtime/rfb/keymap.py:181</extracomment>
        <translation>«&#xa0;{character}&#xa0;» ne peut pas être tapé sur un clavier américain.</translation>
    </message>
</context>
<context>
    <name>runtime.rfb.zrle</name>
    <message>
        <location line="+2"/>
        <source>The display sent corrupt compressed data ({exc}).</source>
        <extracomment>kvmgui/runtime/rfb/zrle.py:31</extracomment>
        <translation>L&apos;affichage a envoyé des données compressées corrompues ({exc}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display sent an invalid ZRLE tile (type {sub}).</source>
        <extracomment>kvmgui/runtime/rfb/zrle.py:103</extracomment>
        <translation>L&apos;affichage a envoyé une tuile ZRLE invalide (type {sub}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display sent a truncated ZRLE rectangle.</source>
        <extracomment>kvmgui/runtime/rfb/zrle.py:105</extracomment>
        <translation>L&apos;affichage a envoyé un rectangle ZRLE tronqué.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The display sent a ZRLE rectangle with trailing data.</source>
        <extracomment>kvmgui/runtime/rfb/zrle.py:107</extracomment>
        <translation>L&apos;affichage a envoyé un rectangle ZRLE suivi de données en trop.</translation>
    </message>
</context>
<context>
    <name>runtime.snapshots</name>
    <message>
        <location line="+18"/>
        <source>1 snapshot.</source>
        <extracomment>kvmgui/runtime/snapshots.py:178</extracomment>
        <translation>1 instantané.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} snapshots.</source>
        <extracomment>kvmgui/runtime/snapshots.py:178</extracomment>
        <translation>{n} instantanés.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Took the snapshot &apos;{snapshot}&apos; of &apos;{vm}&apos; (with its memory).</source>
        <extracomment>kvmgui/runtime/snapshots.py:113</extracomment>
        <translation>Instantané «&#xa0;{snapshot}&#xa0;» de «&#xa0;{vm}&#xa0;» pris (avec sa mémoire).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Took the snapshot &apos;{snapshot}&apos; of &apos;{vm}&apos; (its disks; it is stopped, so there is no memory to keep).</source>
        <extracomment>kvmgui/runtime/snapshots.py:122</extracomment>
        <translation>Instantané «&#xa0;{snapshot}&#xa0;» de «&#xa0;{vm}&#xa0;» pris (ses disques&#xa0;; elle est arrêtée, il n&apos;y a donc pas de mémoire à conserver).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reverted &apos;{vm}&apos; to the snapshot &apos;{snapshot}&apos;.</source>
        <extracomment>kvmgui/runtime/snapshots.py:133</extracomment>
        <translation>«&#xa0;{vm}&#xa0;» ramenée à l&apos;instantané «&#xa0;{snapshot}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no snapshot named &apos;{snapshot}&apos; on every disk of &apos;{vm}&apos;.</source>
        <extracomment>kvmgui/runtime/snapshots.py:139</extracomment>
        <translation>L&apos;instantané «&#xa0;{snapshot}&#xa0;» n&apos;existe pas sur tous les disques de «&#xa0;{vm}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its memory is not restored while the VM is stopped: it will start from the disks as they were then, as after a power cut.</source>
        <extracomment>kvmgui/runtime/snapshots.py:146</extracomment>
        <translation>Sa mémoire n&apos;est pas restaurée tant que la machine virtuelle est arrêtée&#xa0;: elle démarrera avec les disques tels qu&apos;ils étaient alors, comme après une coupure de courant.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reverted the disks of &apos;{vm}&apos; to the snapshot &apos;{snapshot}&apos;.</source>
        <extracomment>kvmgui/runtime/snapshots.py:148</extracomment>
        <translation>Disques de «&#xa0;{vm}&#xa0;» ramenés à l&apos;instantané «&#xa0;{snapshot}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;{vm}&apos; has no snapshot named &apos;{snapshot}&apos;.</source>
        <extracomment>kvmgui/runtime/snapshots.py:157</extracomment>
        <translation>«&#xa0;{vm}&#xa0;» n&apos;a pas d&apos;instantané nommé «&#xa0;{snapshot}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted the snapshot &apos;{snapshot}&apos; of &apos;{vm}&apos;.</source>
        <extracomment>kvmgui/runtime/snapshots.py:160</extracomment>
        <translation>Instantané «&#xa0;{snapshot}&#xa0;» de «&#xa0;{vm}&#xa0;» supprimé.</translation>
    </message>
</context>
<context>
    <name>runtime.state</name>
    <message>
        <location line="+6"/>
        <source>It was paused because a disk reported an error; fix the disk (for example free space on the host), then resume it.</source>
        <extracomment>kvmgui/runtime/state.py:33</extracomment>
        <translation>Elle a été mise en pause car un disque a signalé une erreur&#xa0;; réparez le disque (par exemple en libérant de l&apos;espace sur l&apos;hôte), puis reprenez-la.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest operating system crashed (kernel panic or blue screen); it is kept paused so you can read the screen. Reset or force it off.</source>
        <extracomment>kvmgui/runtime/state.py:35</extracomment>
        <translation>Le système d&apos;exploitation invité a planté (panique du noyau ou écran bleu)&#xa0;; il reste en pause pour que vous puissiez lire l&apos;écran. Réinitialisez-le ou forcez son arrêt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU hit an internal error and stopped the guest; force it off.</source>
        <extracomment>kvmgui/runtime/state.py:37</extracomment>
        <translation>QEMU a rencontré une erreur interne et a arrêté l&apos;invité&#xa0;; forcez son arrêt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It was started but never resumed (the program starting it was interrupted); resume it to let it run.</source>
        <extracomment>kvmgui/runtime/state.py:38</extracomment>
        <translation>Elle a été démarrée mais jamais relancée (le programme qui la démarrait a été interrompu)&#xa0;; reprenez-la pour la laisser tourner.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest suspended itself (sleep); wake it from the console.</source>
        <extracomment>kvmgui/runtime/state.py:40</extracomment>
        <translation>L&apos;invité s&apos;est mis en veille&#xa0;; réveillez-le depuis la console.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guest&apos;s watchdog expired and QEMU paused it.</source>
        <extracomment>kvmgui/runtime/state.py:41</extracomment>
        <translation>Le chien de garde (watchdog) de l&apos;invité a expiré et QEMU l&apos;a mis en pause.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading a snapshot failed part-way; resume it or restore another snapshot.</source>
        <extracomment>kvmgui/runtime/state.py:42</extracomment>
        <translation>Le chargement d&apos;un instantané a échoué en cours de route&#xa0;; reprenez-la ou restaurez un autre instantané.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QEMU reports the state &apos;{status}&apos;.</source>
        <extracomment>kvmgui/runtime/state.py:64</extracomment>
        <translation>QEMU indique l&apos;état «&#xa0;{status}&#xa0;».</translation>
    </message>
</context>
<context>
    <name>runtime.throwaway</name>
    <message>
        <location line="+2"/>
        <source>The throwaway VM &apos;{name}&apos; is used by another program.</source>
        <extracomment>kvmgui/runtime/throwaway.py:144; {name} = stored.spec.name</extracomment>
        <translation>La machine virtuelle jetable «&#xa0;{name}&#xa0;» est utilisée par un autre programme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui could not create the throwaway VM&apos;s folder in {folder}; try again.</source>
        <extracomment>kvmgui/runtime/throwaway.py:146</extracomment>
        <translation>kvmgui n&apos;a pas pu créer le dossier de la machine virtuelle jetable dans {folder}&#xa0;; réessayez.</translation>
    </message>
</context>
<context>
    <name>runtime.usb_host</name>
    <message>
        <source>&apos;{name}&apos; does not have the USB device {device}.</source>
        <extracomment>kvmgui/runtime/usb_host.py</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n&apos;a pas le périphérique USB {device}.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; gets the USB device {device} as soon as it is plugged in (it is not plugged in now), and at its next starts.</source>
        <extracomment>kvmgui/runtime/usb_host.py</extracomment>
        <translation>«&#xa0;{name}&#xa0;» reçoit le périphérique USB {device} dès qu&apos;il est branché (il ne l&apos;est pas maintenant), et à ses prochains démarrages.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; gets the USB device {device} from its next start.</source>
        <extracomment>kvmgui/runtime/usb_host.py</extracomment>
        <translation>«&#xa0;{name}&#xa0;» reçoit le périphérique USB {device} dès son prochain démarrage.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; no longer gets the USB device {device}.</source>
        <extracomment>kvmgui/runtime/usb_host.py</extracomment>
        <translation>«&#xa0;{name}&#xa0;» ne reçoit plus le périphérique USB {device}.</translation>
    </message>
    <message>
        <source>Attached the USB device {device} ({what}) to &apos;{name}&apos;; it gets it at its next starts too.</source>
        <extracomment>kvmgui/runtime/usb_host.py</extracomment>
        <translation>Périphérique USB {device} ({what}) branché sur «&#xa0;{name}&#xa0;»&#xa0;; elle le reçoit aussi à ses prochains démarrages.</translation>
    </message>
    <message>
        <source>Detached the USB device {device} from &apos;{name}&apos;.</source>
        <extracomment>kvmgui/runtime/usb_host.py</extracomment>
        <translation>Périphérique USB {device} retiré de «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>QEMU did not attach the USB device {device} to &apos;{name}&apos;: {exc}</source>
        <extracomment>kvmgui/runtime/usb_host.py</extracomment>
        <translation>QEMU n&apos;a pas branché le périphérique USB {device} sur «&#xa0;{name}&#xa0;»&#xa0;: {exc}</translation>
    </message>
    <message>
        <source>QEMU did not detach the USB device {device} from &apos;{name}&apos;: {exc}</source>
        <extracomment>kvmgui/runtime/usb_host.py</extracomment>
        <translation>QEMU n&apos;a pas retiré le périphérique USB {device} de «&#xa0;{name}&#xa0;»&#xa0;: {exc}</translation>
    </message>
    <message>
        <source>QEMU has not let go of the USB device {device} yet; try again in a moment.</source>
        <extracomment>kvmgui/runtime/usb_host.py</extracomment>
        <translation>QEMU n&apos;a pas encore lâché le périphérique USB {device}&#xa0;; réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>runtime.viewer</name>
    <message>
        <location line="+2"/>
        <source>{binary} is not installed, so kvmgui cannot open this display in it. Install the SPICE viewer: sudo apt install virt-viewer</source>
        <extracomment>kvmgui/runtime/viewer.py:146</extracomment>
        <translation>{binary} n&apos;est pas installé, kvmgui ne peut donc pas y ouvrir cet affichage. Installez la visionneuse SPICE&#xa0;: sudo apt install virt-viewer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no graphical session here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no viewer window can open. Run this from your desktop session.</source>
        <extracomment>kvmgui/runtime/viewer.py:151</extracomment>
        <translation>Il n&apos;y a pas de session graphique ici (ni DISPLAY ni WAYLAND_DISPLAY n&apos;est défini), aucune fenêtre de visionneuse ne peut donc s&apos;ouvrir. Lancez ceci depuis votre session de bureau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui cannot open the display address {uri} in a viewer.</source>
        <extracomment>kvmgui/runtime/viewer.py:165</extracomment>
        <translation>kvmgui ne peut pas ouvrir l&apos;adresse d&apos;affichage {uri} dans une visionneuse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kvmgui could not prepare the connection for the viewer: {problem}.</source>
        <extracomment>kvmgui/runtime/viewer.py:174</extracomment>
        <translation>kvmgui n&apos;a pas pu préparer la connexion pour la visionneuse&#xa0;: {problem}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{binary} could not be started: {problem}.</source>
        <extracomment>kvmgui/runtime/viewer.py:185</extracomment>
        <translation>{binary} n&apos;a pas pu être lancé&#xa0;: {problem}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The viewer of {title} was closed.</source>
        <extracomment>kvmgui/runtime/viewer.py:195</extracomment>
        <translation>La visionneuse de {title} a été fermée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{binary} stopped at once instead of showing the display of {title}: {error}</source>
        <extracomment>kvmgui/runtime/viewer.py:197</extracomment>
        <translation>{binary} s&apos;est arrêté aussitôt au lieu d&apos;afficher l&apos;écran de {title}&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{binary} stopped at once instead of showing the display of {title}.</source>
        <extracomment>kvmgui/runtime/viewer.py:197</extracomment>
        <translation>{binary} s&apos;est arrêté aussitôt au lieu d&apos;afficher l&apos;écran de {title}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened the display of {title} in {binary}.</source>
        <extracomment>kvmgui/runtime/viewer.py:203</extracomment>
        <translation>Écran de {title} ouvert dans {binary}.</translation>
    </message>
</context>
<context>
    <name>runtime.vm_import</name>
    <message>
        <location line="+2"/>
        <source>{name} is a &apos;{format}&apos; image, which kvmgui cannot use as it is: import it with --convert.</source>
        <extracomment>kvmgui/runtime/vm_import.py:64; {name} = image.name, {format} = info.format</extracomment>
        <translation>{name} est une image «&#xa0;{format}&#xa0;», que kvmgui ne peut pas utiliser telle quelle&#xa0;: importez-la avec --convert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is based on {base}, whose format it does not record: import it with --convert (base and changes become one new image).</source>
        <extracomment>kvmgui/runtime/vm_import.py:69</extracomment>
        <translation>{name} repose sur {base}, dont il n&apos;enregistre pas le format&#xa0;: importez-le avec --convert (la base et les modifications deviennent une seule nouvelle image).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The base image of {name} is a &apos;{format}&apos; image: import it with --convert.</source>
        <extracomment>kvmgui/runtime/vm_import.py:75</extracomment>
        <translation>L&apos;image de base de {name} est une image «&#xa0;{format}&#xa0;»&#xa0;: importez-la avec --convert.</translation>
    </message>
</context>
<context>
    <name>runtime.write_guard</name>
    <message>
        <location line="+2"/>
        <source>{path} may be written.</source>
        <extracomment>kvmgui/runtime/write_guard.py:109; {path} = facts.path</extracomment>
        <translation>{path} peut être écrit.</translation>
    </message>
</context>
<context>
    <name>core.argv_shares</name>
    <message>
        <source>A Windows guest reaches shared folders over its network, which is off; turn the network on or remove the shared folder.</source>
        <extracomment>kvmgui/core/argv_shares.py</extracomment>
        <translation>Un invité Windows accède aux dossiers partagés par son réseau, qui est désactivé ; activez le réseau ou retirez le dossier partagé.</translation>
    </message>
    <message>
        <source>QEMU can share only one folder with a Windows guest; remove all but one.</source>
        <extracomment>kvmgui/core/argv_shares.py</extracomment>
        <translation>QEMU ne peut partager qu’un seul dossier avec un invité Windows ; n’en gardez qu’un.</translation>
    </message>
    <message>
        <source>Sharing a folder with a Windows guest needs Samba; install it with: sudo apt install samba</source>
        <extracomment>kvmgui/core/argv_shares.py</extracomment>
        <translation>Partager un dossier avec un invité Windows nécessite Samba ; installez-le avec : sudo apt install samba</translation>
    </message>
    <message>
        <source>a virtio-fs shared folder</source>
        <extracomment>kvmgui/core/argv_shares.py</extracomment>
        <translation>un dossier partagé virtio-fs</translation>
    </message>
    <message>
        <source>remove the shared folder</source>
        <extracomment>kvmgui/core/argv_shares.py</extracomment>
        <translation>retirez le dossier partagé</translation>
    </message>
    <message>
        <source>a 9p shared folder</source>
        <extracomment>kvmgui/core/argv_shares.py</extracomment>
        <translation>un dossier partagé 9p</translation>
    </message>
</context>
<context>
    <name>core.shares</name>
    <message>
        <source>This computer&apos;s folder-sharing program (virtiofsd) cannot share a folder read-only, so this folder is shared the older, slower way (9p), which can.</source>
        <extracomment>kvmgui/core/shares.py</extracomment>
        <translation>Le programme de partage de dossiers de cet ordinateur (virtiofsd) ne sait pas partager un dossier en lecture seule : ce dossier est donc partagé à l&apos;ancienne manière, plus lente (9p), qui le sait.</translation>
    </message>
    <message>
        <source>This virtiofsd cannot take a folder whose path contains a comma, so the folder is shared with 9p.</source>
        <extracomment>kvmgui/core/shares.py</extracomment>
        <translation>Ce virtiofsd n’accepte pas un dossier dont le chemin contient une virgule : le dossier est donc partagé avec 9p.</translation>
    </message>
    <message>
        <source>virtiofsd is not installed, so the folder is shared with 9p (slower); install it with: sudo apt install virtiofsd</source>
        <extracomment>kvmgui/core/shares.py</extracomment>
        <translation>virtiofsd n’est pas installé : le dossier est donc partagé avec 9p (plus lent) ; installez-le avec : sudo apt install virtiofsd</translation>
    </message>
</context>
<context>
    <name>SharedFolders</name>
    <message>
        <source>Cop&amp;y</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>C&amp;opier la commande</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Ajouter u&amp;n dossier…</translation>
    </message>
    <message>
        <source>Add a shared folder</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Ajouter un dossier partagé</translation>
    </message>
    <message>
        <source>Copied</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Copy what to type in the guest</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Copier ce qu’il faut taper dans l’invité</translation>
    </message>
    <message>
        <source>Folder to share</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Dossier à partager</translation>
    </message>
    <message>
        <source>To see it in the guest, type: {0}</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Pour le voir dans l’invité, tapez : {0}</translation>
    </message>
    <message>
        <source>Shared with {0}</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Partagé avec {0}</translation>
    </message>
    <message>
        <source>No folder is shared. Shared folders let the guest read (and write, unless read-only) files of this computer.</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Aucun dossier n’est partagé. Les dossiers partagés permettent à l’invité de lire (et d’écrire, sauf en lecture seule) des fichiers de cet ordinateur.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Stop s&amp;haring</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Enle&amp;ver le dossier</translation>
    </message>
    <message>
        <source>Remove the shared folder</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Retirer le dossier partagé</translation>
    </message>
    <message>
        <source>SMB (Windows network folder)</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>SMB (dossier réseau Windows)</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Dossier partagé</translation>
    </message>
    <message>
        <source>Shared folders</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Dossiers partagés</translation>
    </message>
    <message>
        <source>Tag</source>
        <extracomment>kvmgui/ui/sharing_folders.py</extracomment>
        <translation>Étiquette</translation>
    </message>
</context>
<context>
    <name>KeystrokePaster</name>
    <message>
        <source>The previous text is still being typed; stop it first.</source>
        <translation>Le texte précédent est encore en cours de frappe ; arrêtez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>The clipboard holds no text.</source>
        <translation>Le presse-papiers ne contient pas de texte.</translation>
    </message>
    <message>
        <source>The text was not typed.</source>
        <translation>Le texte n&apos;a pas été tapé.</translation>
    </message>
    <message>
        <source>If the guest uses another keyboard layout, choose it on the VM&apos;s Hardware page.</source>
        <translation>Si l&apos;invité utilise une autre disposition de clavier, choisissez-la dans la page Matériel de la VM.</translation>
    </message>
    <message>
        <source>Paste as Keystrokes</source>
        <translation>Coller en tapant</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n caractère</numerusform>
            <numerusform>%n caractères</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Type %n line(s) into the virtual machine?</source>
        <translation>
            <numerusform>Taper %n ligne dans la machine virtuelle ?</numerusform>
            <numerusform>Taper %n lignes dans la machine virtuelle ?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in all, starting as shown. Each line ends with Enter, so a command in the text runs as soon as its line is typed.</source>
        <translation>%1 au total, en commençant comme ci-dessus. Chaque ligne se termine par Entrée : une commande du texte s&apos;exécute dès que sa ligne est tapée.</translation>
    </message>
    <message>
        <source>%1 in all, starting as shown.</source>
        <translation>%1 au total, en commençant comme ci-dessus.</translation>
    </message>
    <message>
        <source>Type It</source>
        <translation>Taper</translation>
    </message>
    <message>
        <source>Typing into the Virtual Machine</source>
        <translation>Frappe dans la machine virtuelle</translation>
    </message>
    <message>
        <source>Typing the text as key presses…</source>
        <translation>Frappe du texte touche par touche…</translation>
    </message>
    <message>
        <source>Stop Typing</source>
        <translation>Arrêter la frappe</translation>
    </message>
</context>
<context>
    <name>core.keyboard</name>
    <message>
        <source>French (AZERTY)</source>
        <translation>Français (AZERTY)</translation>
    </message>
    <message>
        <source>German (QWERTZ)</source>
        <translation>Allemand (QWERTZ)</translation>
    </message>
    <message>
        <source>English (US)</source>
        <translation>Anglais (États-Unis)</translation>
    </message>
    <message>
        <source>The {layout} keyboard layout cannot type {characters}.</source>
        <translation>La disposition de clavier {layout} ne permet pas de taper {characters}.</translation>
    </message>
    <message>
        <source>&apos;{sequence}&apos; means nothing in the text to type: write \n for Enter, \t for Tab and \\ for a backslash.</source>
        <translation>&apos;{sequence}&apos; ne signifie rien dans le texte à taper : écrivez \n pour Entrée, \t pour Tab et \\ pour une barre oblique inverse.</translation>
    </message>
</context>
<context>
    <name>runtime.libvirt_storage</name>
    <message>
        <source>The storage pool &apos;{pool}&apos; is not active; start it with: virsh pool-start {pool}</source>
        <extracomment>kvmgui/runtime/libvirt_storage.py:68</extracomment>
        <translation>Le pool de stockage «&#xa0;{pool}&#xa0;» n&apos;est pas actif&#xa0;; démarrez-le avec&#xa0;: virsh pool-start {pool}</translation>
    </message>
    <message>
        <source>The host has no storage pool named &apos;{pool}&apos;; list its pools with: virsh pool-list --all</source>
        <extracomment>kvmgui/runtime/libvirt_storage.py:73</extracomment>
        <translation>L&apos;hôte n&apos;a pas de pool de stockage nommé «&#xa0;{pool}&#xa0;»&#xa0;; listez ses pools avec&#xa0;: virsh pool-list --all</translation>
    </message>
    <message>
        <source>The host has no active storage pool; create one with: virsh pool-define-as default dir --target /var/lib/libvirt/images, then virsh pool-start default</source>
        <extracomment>kvmgui/runtime/libvirt_storage.py:80</extracomment>
        <translation>L&apos;hôte n&apos;a aucun pool de stockage actif&#xa0;; créez-en un avec&#xa0;: virsh pool-define-as default dir --target /var/lib/libvirt/images, puis virsh pool-start default</translation>
    </message>
    <message>
        <source>The storage pool &apos;{pool}&apos; already has a volume named &apos;{name}&apos;; choose another name.</source>
        <extracomment>kvmgui/runtime/libvirt_storage.py:108</extracomment>
        <translation>Le pool de stockage «&#xa0;{pool}&#xa0;» a déjà un volume nommé «&#xa0;{name}&#xa0;»&#xa0;; choisissez un autre nom.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Destination:</source>
        <translation>&amp;Destination&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Déplacer</translation>
    </message>
    <message>
        <source>A libvirt connection: qemu:///system for this computer, qemu+ssh://user@host/system for another one</source>
        <translation>Une connexion libvirt&#xa0;: qemu:///system pour cet ordinateur, qemu+ssh://utilisateur@hôte/system pour un autre</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>Se c&amp;onnecter</translation>
    </message>
    <message>
        <source>Cancelling; removing what was copied…</source>
        <translation>Annulation&#xa0;; suppression de ce qui a été copié…</translation>
    </message>
    <message>
        <source>Connect to the destination</source>
        <translation>Se connecter à la destination</translation>
    </message>
    <message>
        <source>Connected to {0}.</source>
        <translation>Connecté à {0}.</translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation>Connexion à {0}…</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Move the virtual machine</source>
        <translation>Déplacer la machine virtuelle</translation>
    </message>
    <message>
        <source>Move {0} to a libvirt host</source>
        <translation>Déplacer {0} vers un hôte libvirt</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Stop the move; what it copied to the host is removed.</source>
        <translation>Arrêter le déplacement&#xa0;; ce qu&apos;il a copié sur l&apos;hôte est supprimé.</translation>
    </message>
    <message>
        <source>Storage &amp;pool:</source>
        <translation>&amp;Pool de stockage&#xa0;:</translation>
    </message>
    <message>
        <source>Storage pool</source>
        <translation>Pool de stockage</translation>
    </message>
    <message>
        <source>The disks are copied into a storage pool of the host and the virtual machine is defined there. A linked clone&apos;s disk is copied whole. The virtual machine here is kept until you delete it.</source>
        <translation>Les disques sont copiés dans un pool de stockage de l&apos;hôte et la machine virtuelle y est définie. Le disque d&apos;un clone lié est copié en entier. La machine virtuelle d&apos;ici est conservée jusqu&apos;à ce que vous la supprimiez.</translation>
    </message>
    <message>
        <source>The move was cancelled; nothing was left on the host.</source>
        <translation>Le déplacement a été annulé&#xa0;; rien n&apos;est resté sur l&apos;hôte.</translation>
    </message>
    <message>
        <source>Type or choose a destination first.</source>
        <translation>Saisissez ou choisissez d&apos;abord une destination.</translation>
    </message>
    <message>
        <source>What the moved virtual machine lacks:</source>
        <translation>Ce qui manque à la machine virtuelle déplacée&#xa0;:</translation>
    </message>
    <message>
        <source>the move</source>
        <translation>le déplacement</translation>
    </message>
</context>
<context>
    <name>runtime.libvirt_move</name>
    <message>
        <source>The CD/DVD medium {path} stays on this computer: the moved VM&apos;s drive is empty; insert an ISO image from the libvirt host.</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:131</extracomment>
        <translation>Le média CD/DVD {path} reste sur cet ordinateur&#xa0;: le lecteur de la VM déplacée est vide&#xa0;; insérez une image ISO de l&apos;hôte libvirt.</translation>
    </message>
    <message>
        <source>The USB stick {path} stays on this computer and is not attached to the moved VM.</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:138</extracomment>
        <translation>La clé USB {path} reste sur cet ordinateur et n&apos;est pas branchée à la VM déplacée.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has settings that reach this computer and that you have not approved yet; approve them first (kvmgui-cli approve {quoted}), then move it.</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:161</extracomment>
        <translation>«&#xa0;{name}&#xa0;» a des réglages qui atteignent cet ordinateur et que vous n&apos;avez pas encore approuvés&#xa0;; approuvez-les d&apos;abord (kvmgui-cli approve {quoted}), puis déplacez-la.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is running; shut it down first, then move it.</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:167</extracomment>
        <translation>«&#xa0;{name}&#xa0;» est en marche&#xa0;; éteignez-la d&apos;abord, puis déplacez-la.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is now the VM &apos;{domain}&apos; on {uri}, its disks in the storage pool &apos;{pool}&apos;; the VM here is unchanged: delete it once the moved one works.</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:205</extracomment>
        <translation>«&#xa0;{name}&#xa0;» est maintenant la VM «&#xa0;{domain}&#xa0;» sur {uri}, ses disques dans le pool de stockage «&#xa0;{pool}&#xa0;»&#xa0;; la VM d&apos;ici est inchangée&#xa0;: supprimez-la une fois que celle déplacée fonctionne.</translation>
    </message>
    <message>
        <source>Disk {number} of &apos;{name}&apos; has another base in its definition than in its image; check it with: kvmgui-cli img chain {path}</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:245</extracomment>
        <translation>Le disque {number} de «&#xa0;{name}&#xa0;» a une autre base dans sa définition que dans son image&#xa0;; vérifiez-le avec&#xa0;: kvmgui-cli img chain {path}</translation>
    </message>
    <message>
        <source>{uri} already has a VM named &apos;{domain}&apos;; rename the VM here, or remove that one (virsh -c {uri} undefine {domain}), then move it again.</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:275</extracomment>
        <translation>{uri} a déjà une VM nommée «&#xa0;{domain}&#xa0;»&#xa0;; renommez la VM d&apos;ici, ou supprimez celle-là (virsh -c {uri} undefine {domain}), puis déplacez-la de nouveau.</translation>
    </message>
    <message>
        <source>{uri} already has this VM, as &apos;{other}&apos; (moved there before); remove that one (virsh -c {uri} undefine {other}) to move it again.</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:281</extracomment>
        <translation>{uri} a déjà cette VM, sous le nom «&#xa0;{other}&#xa0;» (déplacée auparavant)&#xa0;; supprimez celle-là (virsh -c {uri} undefine {other}) pour la déplacer de nouveau.</translation>
    </message>
    <message>
        <source>The storage pool &apos;{pool}&apos; already has a volume named &apos;{volume}&apos;; remove it (virsh -c {uri} vol-delete --pool {pool} {volume}) or choose another pool.</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:288</extracomment>
        <translation>Le pool de stockage «&#xa0;{pool}&#xa0;» a déjà un volume nommé «&#xa0;{volume}&#xa0;»&#xa0;; supprimez-le (virsh -c {uri} vol-delete --pool {pool} {volume}) ou choisissez un autre pool.</translation>
    </message>
    <message>
        <source>Disk {number} of &apos;{name}&apos; is a host device ({path}); kvmgui moves image files only: copy the device into an image first (kvmgui-cli img convert).</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:222</extracomment>
        <translation>Le disque {number} de «&#xa0;{name}&#xa0;» est un périphérique de l&apos;hôte ({path})&#xa0;; kvmgui ne déplace que des fichiers image&#xa0;: copiez d&apos;abord le périphérique dans une image (kvmgui-cli img convert).</translation>
    </message>
    <message>
        <source>Uploading disk {number} of {count} ({file})</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:310</extracomment>
        <translation>Envoi du disque {number} sur {count} ({file})</translation>
    </message>
    <message>
        <source>Flattening disk {number} of {count} ({file})</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:315</extracomment>
        <translation>Aplatissement du disque {number} sur {count} ({file})</translation>
    </message>
    <message>
        <source>Uploading disk {number} of {count} ({file}, flattened)</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:318</extracomment>
        <translation>Envoi du disque {number} sur {count} ({file}, aplati)</translation>
    </message>
    <message>
        <source>Flattening {file} failed: {error}</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:331</extracomment>
        <translation>L&apos;aplatissement de {file} a échoué&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Defining &apos;{domain}&apos; on {uri}</source>
        <extracomment>kvmgui/runtime/libvirt_move.py:188</extracomment>
        <translation>Définition de «&#xa0;{domain}&#xa0;» sur {uri}</translation>
    </message>
</context>
<context>
    <name>core.libvirt_domain_view</name>
    <message>
        <source>kvmgui draws VNC displays only; this one is {kind}.</source>
        <extracomment>kvmgui/core/libvirt_domain_view.py:387</extracomment>
        <translation>kvmgui n’affiche que les écrans VNC&#xa0;; celui-ci est en {kind}.</translation>
    </message>
    <message>
        <source>The console of a domain on another computer is shown only through an SSH connection (a qemu+ssh:// address); {uri} is not one.</source>
        <extracomment>kvmgui/core/libvirt_domain_view.py:392</extracomment>
        <translation>La console d’un domaine d’un autre ordinateur n’est affichée qu’à travers une connexion SSH (une adresse qemu+ssh://)&#xa0;; {uri} n’en est pas une.</translation>
    </message>
    <message>
        <source>This display listens nowhere; it can only be reached through libvirt&apos;s own viewer connection.</source>
        <extracomment>kvmgui/core/libvirt_domain_view.py:400</extracomment>
        <translation>Cet écran n’écoute nulle part&#xa0;; on ne peut l’atteindre que par la connexion de visualisation propre à libvirt.</translation>
    </message>
    <message>
        <source>The display has no port yet; the domain is not running.</source>
        <extracomment>kvmgui/core/libvirt_domain_view.py:405</extracomment>
        <translation>L’écran n’a pas encore de port&#xa0;; le domaine ne tourne pas.</translation>
    </message>
    <message>
        <source>The display listens on the network address {address}; kvmgui does not connect to a display over the network (its picture and keys are not encrypted). Make it listen on 127.0.0.1 or a socket.</source>
        <extracomment>kvmgui/core/libvirt_domain_view.py:408</extracomment>
        <translation>L’écran écoute sur l’adresse réseau {address}&#xa0;; kvmgui ne se connecte pas à un écran par le réseau (son image et les touches ne sont pas chiffrées). Faites-le écouter sur 127.0.0.1 ou sur un socket.</translation>
    </message>
    <message>
        <source>The domain&apos;s description is too large to show ({count} characters).</source>
        <extracomment>kvmgui/core/libvirt_domain_view.py:129</extracomment>
        <translation>La description du domaine est trop grande pour être affichée ({count} caractères).</translation>
    </message>
    <message>
        <source>The domain&apos;s description declares a document type, which libvirt never does; it is not read.</source>
        <extracomment>kvmgui/core/libvirt_domain_view.py:134</extracomment>
        <translation>La description du domaine déclare un type de document, ce que libvirt ne fait jamais&#xa0;; elle n’est pas lue.</translation>
    </message>
    <message>
        <source>The description is not a libvirt domain (its top element is &lt;{tag}&gt;).</source>
        <extracomment>kvmgui/core/libvirt_domain_view.py:145</extracomment>
        <translation>La description n’est pas un domaine libvirt (son élément racine est &lt;{tag}&gt;).</translation>
    </message>
    <message>
        <source>The domain&apos;s description is not valid XML: {error}.</source>
        <extracomment>kvmgui/core/libvirt_domain_view.py:141</extracomment>
        <translation>La description du domaine n’est pas du XML valide&#xa0;: {error}.</translation>
    </message>
</context>
<context>
    <name>LibvirtConsole</name>
    <message>
        <source>Open in Viewer</source>
        <extracomment>kvmgui/ui/libvirt_console.py:87</extracomment>
        <translation>Ouvrir dans un visualiseur</translation>
    </message>
    <message>
        <source>Open this screen in virt-viewer, in its own window</source>
        <extracomment>kvmgui/ui/libvirt_console.py:88</extracomment>
        <translation>Ouvrir cet écran dans virt-viewer, dans sa propre fenêtre</translation>
    </message>
    <message>
        <source>&amp;Open in virt-viewer</source>
        <extracomment>kvmgui/ui/libvirt_console.py:120</extracomment>
        <translation>&amp;Ouvrir dans virt-viewer</translation>
    </message>
    <message>
        <source>Open in virt-viewer</source>
        <extracomment>kvmgui/ui/libvirt_console.py:121</extracomment>
        <translation>Ouvrir dans virt-viewer</translation>
    </message>
    <message>
        <source>Start it to see its screen here.</source>
        <extracomment>kvmgui/ui/libvirt_console.py:153</extracomment>
        <translation>Démarrez-la pour voir son écran ici.</translation>
    </message>
    <message>
        <source>The display could not be opened in a viewer.</source>
        <extracomment>kvmgui/ui/libvirt_console.py:243</extracomment>
        <translation>L’écran n’a pas pu être ouvert dans un visualiseur.</translation>
    </message>
    <message>
        <source>kvmgui draws VNC screens only; this one opens in virt-viewer, a separate window.</source>
        <extracomment>kvmgui/ui/libvirt_console.py:165</extracomment>
        <translation>kvmgui n’affiche que les écrans VNC&#xa0;; celui-ci s’ouvre dans virt-viewer, une fenêtre à part.</translation>
    </message>
    <message>
        <source>Its description has no graphical display.</source>
        <extracomment>kvmgui/ui/libvirt_console.py:172</extracomment>
        <translation>Sa description n’a pas d’écran graphique.</translation>
    </message>
    <message>
        <source>{0} is not running.</source>
        <extracomment>kvmgui/ui/libvirt_console.py:152</extracomment>
        <translation>{0} n’est pas en marche.</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <extracomment>kvmgui/ui/libvirt_console.py:156</extracomment>
        <translation>Lecture de {0}…</translation>
    </message>
    <message>
        <source>The screen of {0} is not shown here.</source>
        <extracomment>kvmgui/ui/libvirt_console.py:178</extracomment>
        <translation>L’écran de {0} n’est pas affiché ici.</translation>
    </message>
    <message>
        <source>{0} shows its screen over {1}.</source>
        <extracomment>kvmgui/ui/libvirt_console.py:163</extracomment>
        <translation>{0} montre son écran en {1}.</translation>
    </message>
    <message>
        <source>{0} has no screen.</source>
        <extracomment>kvmgui/ui/libvirt_console.py:171</extracomment>
        <translation>{0} n’a pas d’écran.</translation>
    </message>
    <message>
        <source>The screen of {0} could not be reached.</source>
        <extracomment>kvmgui/ui/libvirt_console.py:198</extracomment>
        <translation>L’écran de {0} n’a pas pu être atteint.</translation>
    </message>
    <message>
        <source>The SSH connection for the screen ended at once.</source>
        <extracomment>kvmgui/ui/libvirt_console.py</extracomment>
        <translation>La connexion SSH de l’écran s’est terminée aussitôt.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <extracomment>kvmgui/ui/libvirt_console.py</extracomment>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>Start</source>
        <extracomment>kvmgui/ui/libvirt_console.py</extracomment>
        <translation>Démarrer</translation>
    </message>
</context>
<context>
    <name>LibvirtDetails</name>
    <message>
        <source>Views of the virtual machine</source>
        <extracomment>kvmgui/ui/libvirt_details.py:56</extracomment>
        <translation>Vues de la machine virtuelle</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <extracomment>kvmgui/ui/libvirt_details.py:68</extracomment>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>&amp;Hardware</source>
        <extracomment>kvmgui/ui/libvirt_details.py:69</extracomment>
        <translation>&amp;Matériel</translation>
    </message>
    <message>
        <source>&amp;Performance</source>
        <extracomment>kvmgui/ui/libvirt_details.py:70</extracomment>
        <translation>&amp;Performances</translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <extracomment>kvmgui/ui/libvirt_details.py:71</extracomment>
        <translation>&amp;Console</translation>
    </message>
    <message>
        <source>&amp;XML</source>
        <extracomment>kvmgui/ui/libvirt_details.py:72</extracomment>
        <translation>&amp;XML</translation>
    </message>
    <message>
        <source>{0} on {1} — {2}</source>
        <extracomment>kvmgui/ui/libvirt_details.py:90</extracomment>
        <translation>{0} sur {1} — {2}</translation>
    </message>
    <message>
        <source>{0} is no longer defined on {1}.</source>
        <extracomment>kvmgui/ui/libvirt_details.py:97</extracomment>
        <translation>{0} n’est plus défini sur {1}.</translation>
    </message>
    <message>
        <source>{0} could not be started.</source>
        <extracomment>kvmgui/ui/libvirt_details.py</extracomment>
        <translation>{0} n’a pas pu être démarrée.</translation>
    </message>
</context>
<context>
    <name>LibvirtOverview</name>
    <message>
        <source>BIOS</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:45</extracomment>
        <translation>BIOS</translation>
    </message>
    <message>
        <source>UEFI</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:47</extracomment>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>UEFI ({0})</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:48</extracomment>
        <translation>UEFI ({0})</translation>
    </message>
    <message>
        <source>State</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:59</extracomment>
        <translation>État</translation>
    </message>
    <message>
        <source>State:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:62</extracomment>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>KVM (hardware acceleration)</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:38</extracomment>
        <translation>KVM (accélération matérielle)</translation>
    </message>
    <message>
        <source>QEMU (software emulation, slower)</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:39</extracomment>
        <translation>QEMU (émulation logicielle, plus lente)</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:65</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Name:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:65</extracomment>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Title</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:66</extracomment>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Title:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:67</extracomment>
        <translation>Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Description</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:68</extracomment>
        <translation>Description</translation>
    </message>
    <message>
        <source>Description:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:69</extracomment>
        <translation>Description&#xa0;:</translation>
    </message>
    <message>
        <source>Connection</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:70</extracomment>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Connection:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:71</extracomment>
        <translation>Connexion&#xa0;:</translation>
    </message>
    <message>
        <source>Hypervisor</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:72</extracomment>
        <translation>Hyperviseur</translation>
    </message>
    <message>
        <source>Hypervisor:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:73</extracomment>
        <translation>Hyperviseur&#xa0;:</translation>
    </message>
    <message>
        <source>Processors</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:74</extracomment>
        <translation>Processeurs</translation>
    </message>
    <message>
        <source>Processors:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:75</extracomment>
        <translation>Processeurs&#xa0;:</translation>
    </message>
    <message>
        <source>Memory</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:76</extracomment>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Memory:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:77</extracomment>
        <translation>Mémoire&#xa0;:</translation>
    </message>
    <message>
        <source>Firmware</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:78</extracomment>
        <translation>Micrologiciel</translation>
    </message>
    <message>
        <source>Firmware:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:79</extracomment>
        <translation>Micrologiciel&#xa0;:</translation>
    </message>
    <message>
        <source>Machine type</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:80</extracomment>
        <translation>Type de machine</translation>
    </message>
    <message>
        <source>Machine:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:81</extracomment>
        <translation>Machine&#xa0;:</translation>
    </message>
    <message>
        <source>Starts with the host</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:82</extracomment>
        <translation>Démarre avec l’hôte</translation>
    </message>
    <message>
        <source>Autostart:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:83</extracomment>
        <translation>Démarrage automatique&#xa0;:</translation>
    </message>
    <message>
        <source>UUID</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:84</extracomment>
        <translation>UUID</translation>
    </message>
    <message>
        <source>UUID:</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:84</extracomment>
        <translation>UUID&#xa0;:</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:96</extracomment>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:97</extracomment>
        <translation>Non</translation>
    </message>
    <message>
        <source>{0} (up to {1})</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:110</extracomment>
        <translation>{0} (jusqu’à {1})</translation>
    </message>
</context>
<context>
    <name>LibvirtHardware</name>
    <message>
        <source>read-only</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:134</extracomment>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>virtual network {0}</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:140</extracomment>
        <translation>réseau virtuel {0}</translation>
    </message>
    <message>
        <source>bridge {0}</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:141</extracomment>
        <translation>pont {0}</translation>
    </message>
    <message>
        <source>host device {0}</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:142</extracomment>
        <translation>périphérique de l’hôte {0}</translation>
    </message>
    <message>
        <source>user-mode networking</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:143</extracomment>
        <translation>réseau en mode utilisateur</translation>
    </message>
    <message>
        <source>(empty)</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:131</extracomment>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>listens nowhere</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:157</extracomment>
        <translation>n’écoute nulle part</translation>
    </message>
    <message>
        <source>Virtual hardware</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:181</extracomment>
        <translation>Matériel virtuel</translation>
    </message>
    <message>
        <source>Disks</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:190</extracomment>
        <translation>Disques</translation>
    </message>
    <message>
        <source>CD/DVD and floppy drives</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:192</extracomment>
        <translation>Lecteurs CD/DVD et disquettes</translation>
    </message>
    <message>
        <source>Network</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:194</extracomment>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Display</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:197</extracomment>
        <translation>Écran</translation>
    </message>
    <message>
        <source>Video</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:199</extracomment>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>Sound</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:200</extracomment>
        <translation>Son</translation>
    </message>
    <message>
        <source>USB</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:209</extracomment>
        <translation>USB</translation>
    </message>
    <message>
        <source>Shared folders</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:210</extracomment>
        <translation>Dossiers partagés</translation>
    </message>
    <message>
        <source>MAC {0}</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:146</extracomment>
        <translation>MAC {0}</translation>
    </message>
    <message>
        <source>socket {0}</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:154</extracomment>
        <translation>socket {0}</translation>
    </message>
    <message>
        <source>(made when it starts)</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:155</extracomment>
        <translation>(créé à son démarrage)</translation>
    </message>
    <message>
        <source>chosen when it starts</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:160</extracomment>
        <translation>choisi à son démarrage</translation>
    </message>
    <message>
        <source>The hardware as libvirt describes it, read-only here. Change it with virsh edit or virt-manager; most changes take effect at the next start.</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:173</extracomment>
        <translation>Le matériel tel que libvirt le décrit, en lecture seule ici. Modifiez-le avec virsh edit ou virt-manager&#xa0;; la plupart des changements prennent effet au prochain démarrage.</translation>
    </message>
    <message>
        <source>Device</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:179</extracomment>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>Details</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:180</extracomment>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Controller</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:202</extracomment>
        <translation>Contrôleur</translation>
    </message>
    <message>
        <source>Device of the host</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:204</extracomment>
        <translation>Périphérique de l’hôte</translation>
    </message>
    <message>
        <source>host interface {0}</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:148</extracomment>
        <translation>interface de l’hôte {0}</translation>
    </message>
    <message>
        <source>address {0}, port {1}</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:161</extracomment>
        <translation>adresse {0}, port {1}</translation>
    </message>
    <message>
        <source>(the host&apos;s default)</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:162</extracomment>
        <translation>(celle par défaut de l’hôte)</translation>
    </message>
    <message>
        <source>Redirected from the viewer</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:207</extracomment>
        <translation>Redirigés depuis le visualiseur</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:218</extracomment>
        <translation>aucun</translation>
    </message>
    <message>
        <source>password</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:164</extracomment>
        <translation>mot de passe</translation>
    </message>
    <message>
        <source>(default model)</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:195</extracomment>
        <translation>(modèle par défaut)</translation>
    </message>
</context>
<context>
    <name>LibvirtXml</name>
    <message>
        <source>Domain XML</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:244</extracomment>
        <translation>XML du domaine</translation>
    </message>
    <message>
        <source>The domain&apos;s description in libvirt&apos;s own words (live while it runs); passwords are left out.</source>
        <extracomment>kvmgui/ui/libvirt_details_pages.py:240</extracomment>
        <translation>La description du domaine dans les termes de libvirt (celle en cours tant qu’il tourne)&#xa0;; les mots de passe en sont exclus.</translation>
    </message>
</context>
<context>
    <name>LibvirtPerformance</name>
    <message>
        <source>received</source>
        <extracomment>kvmgui/ui/libvirt_performance.py:45</extracomment>
        <translation>reçu</translation>
    </message>
    <message>
        <source>sent</source>
        <extracomment>kvmgui/ui/libvirt_performance.py:46</extracomment>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>Memory</source>
        <extracomment>kvmgui/ui/libvirt_performance.py:52</extracomment>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Network input/output</source>
        <extracomment>kvmgui/ui/libvirt_performance.py:58</extracomment>
        <translation>Entrées/sorties réseau</translation>
    </message>
</context>
<context>
    <name>core.remote_console</name>
    <message>
        <source>The port in {uri} is not a number from 1 to 65535.</source>
        <extracomment>kvmgui/core/remote_console.py:89</extracomment>
        <translation>Le port dans {uri} n&apos;est pas un nombre de 1 à 65535.</translation>
    </message>
    <message>
        <source>ssh cannot forward the socket {path}: its path holds a colon.</source>
        <extracomment>kvmgui/core/remote_console.py:155</extracomment>
        <translation>ssh ne peut pas rediriger le socket {path}&#xa0;: son chemin contient un deux-points.</translation>
    </message>
</context>
<context>
    <name>runtime.ssh_tunnel</name>
    <message>
        <source>{uri} does not go through SSH; its displays are reached without a tunnel.</source>
        <extracomment>kvmgui/runtime/ssh_tunnel.py:72</extracomment>
        <translation>{uri} ne passe pas par SSH&#xa0;; ses écrans sont joints sans tunnel.</translation>
    </message>
    <message>
        <source>The ssh program {program} could not be started; install it: sudo apt install openssh-client.</source>
        <extracomment>kvmgui/runtime/ssh_tunnel.py:89</extracomment>
        <translation>Le programme ssh {program} n&apos;a pas pu être lancé&#xa0;; installez-le&#xa0;: sudo apt install openssh-client.</translation>
    </message>
    <message>
        <source>SSH to {host} did not set up the console&apos;s tunnel in time; check that {command} logs in.</source>
        <extracomment>kvmgui/runtime/ssh_tunnel.py:109</extracomment>
        <translation>SSH vers {host} n&apos;a pas établi à temps le tunnel de la console&#xa0;; vérifiez que {command} se connecte.</translation>
    </message>
    <message>
        <source>The SSH tunnel to {host} for the console ended at once (ssh said: {reason}).</source>
        <extracomment>kvmgui/runtime/ssh_tunnel.py:123</extracomment>
        <translation>Le tunnel SSH vers {host} pour la console s&apos;est arrêté aussitôt (ssh a dit&#xa0;: {reason}).</translation>
    </message>
    <message>
        <source>The SSH tunnel to {host} for the console ended at once (ssh&apos;s exit status {status}).</source>
        <extracomment>kvmgui/runtime/ssh_tunnel.py:124</extracomment>
        <translation>Le tunnel SSH vers {host} pour la console s&apos;est arrêté aussitôt (code de sortie de ssh&#xa0;: {status}).</translation>
    </message>
</context>
<context>
    <name>runtime.libvirt_console</name>
    <message>
        <source>&apos;{name}&apos; has no VNC display to show: it is not running, or its display is not VNC.</source>
        <extracomment>kvmgui/runtime/libvirt_console.py:46</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n&apos;a pas d&apos;écran VNC à montrer&#xa0;: elle ne tourne pas, ou son écran n&apos;est pas VNC.</translation>
    </message>
    <message>
        <source>kvmgui shows the console of another machine&apos;s VM only through SSH; connect with a qemu+ssh:// URI.</source>
        <extracomment>kvmgui/runtime/libvirt_console.py:55</extracomment>
        <translation>kvmgui ne montre la console d&apos;une VM d&apos;une autre machine qu&apos;à travers SSH&#xa0;; connectez-vous avec une URI qemu+ssh://.</translation>
    </message>
</context>
<context>
    <name>AskpassDialog</name>
    <message>
        <source>SSH asks</source>
        <extracomment>kvmgui/ui/askpass.py:68</extracomment>
        <translation>SSH demande</translation>
    </message>
    <message>
        <source>Passphrase or password:</source>
        <extracomment>kvmgui/ui/askpass.py:141</extracomment>
        <translation>Phrase de passe ou mot de passe&#xa0;:</translation>
    </message>
</context>
<context>
    <name>core.connections</name>
    <message>
        <source>Type a libvirt address such as qemu:///system or qemu+ssh://user@host/system.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Saisissez une adresse libvirt comme qemu:///system ou qemu+ssh://utilisateur@hôte/system.</translation>
    </message>
    <message>
        <source>The address &apos;{uri}&apos; has spaces or invisible characters: type it again.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>L’adresse «&#xa0;{uri}&#xa0;» contient des espaces ou des caractères invisibles&#xa0;: saisissez-la à nouveau.</translation>
    </message>
    <message>
        <source>&apos;{uri}&apos; is not a QEMU/KVM address: it must start with qemu:// or qemu+ssh:// (qemu+tls:// also works).</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>«&#xa0;{uri}&#xa0;» n’est pas une adresse QEMU/KVM&#xa0;: elle doit commencer par qemu:// ou qemu+ssh:// (qemu+tls:// convient aussi).</translation>
    </message>
    <message>
        <source>kvmgui never keeps a password: remove it from the address (SSH asks for it, or better, use an SSH key).</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>kvmgui ne garde jamais de mot de passe&#xa0;: retirez-le de l’adresse (SSH le demande, ou mieux, utilisez une clé SSH).</translation>
    </message>
    <message>
        <source>The port in &apos;{uri}&apos; must be a number from 1 to 65535.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Le port de «&#xa0;{uri}&#xa0;» doit être un nombre de 1 à 65535.</translation>
    </message>
    <message>
        <source>&apos;{host}&apos; is not a computer name or address.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>«&#xa0;{host}&#xa0;» n’est pas un nom ou une adresse d’ordinateur.</translation>
    </message>
    <message>
        <source>&apos;{user}&apos; is not a user name (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;).</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>«&#xa0;{user}&#xa0;» n’est pas un nom d’utilisateur (lettres, chiffres, «&#xa0;.&#xa0;», «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;»).</translation>
    </message>
    <message>
        <source>&apos;{uri}&apos; needs a computer name after //.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Il manque un nom d’ordinateur après // dans «&#xa0;{uri}&#xa0;».</translation>
    </message>
    <message>
        <source>A QEMU address ends with /system (or /session for a user&apos;s own VMs).</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Une adresse QEMU se termine par /system (ou /session pour les VM propres à un utilisateur).</translation>
    </message>
    <message>
        <source>A test address ends with /default or the path of a node file.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Une adresse de test se termine par /default ou par le chemin d’un fichier de nœud.</translation>
    </message>
    <message>
        <source>Remove the &apos;#…&apos; part from &apos;{uri}&apos;.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Retirez la partie «&#xa0;#…&#xa0;» de «&#xa0;{uri}&#xa0;».</translation>
    </message>
    <message>
        <source>Type the other computer&apos;s name or address.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Saisissez le nom ou l’adresse de l’autre ordinateur.</translation>
    </message>
    <message>
        <source>Type the user name to log in with on {host}.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Saisissez le nom d’utilisateur avec lequel se connecter à {host}.</translation>
    </message>
    <message>
        <source>The SSH port must be a number from 1 to 65535.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Le port SSH doit être un nombre de 1 à 65535.</translation>
    </message>
    <message>
        <source>A connection&apos;s name has at most {limit} characters and no invisible ones.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Le nom d’une connexion a au plus {limit} caractères, et aucun invisible.</translation>
    </message>
    <message>
        <source>{uri} is already in the list.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>{uri} est déjà dans la liste.</translation>
    </message>
    <message>
        <source>kvmgui keeps at most {limit} connections: remove one first.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>kvmgui garde au plus {limit} connexions&#xa0;: retirez-en une d’abord.</translation>
    </message>
    <message>
        <source>The address option &apos;{option}&apos; is not accepted (it could run a program or skip a check); remove it.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>L’option d’adresse «&#xa0;{option}&#xa0;» n’est pas acceptée (elle pourrait lancer un programme ou sauter une vérification)&#xa0;; retirez-la.</translation>
    </message>
    <message>
        <source>must be a list of connections</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>doit être une liste de connexions</translation>
    </message>
    <message>
        <source>A saved connection is not an object with a &apos;uri&apos; text (and an optional &apos;label&apos;), so it was left out.</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>Une connexion enregistrée n’est pas un objet avec un texte «&#xa0;uri&#xa0;» (et un «&#xa0;label&#xa0;» facultatif)&#xa0;: elle a été ignorée.</translation>
    </message>
    <message>
        <source>The saved connection &apos;{uri}&apos; was left out: {reason}</source>
        <extracomment>kvmgui/core/connections.py</extracomment>
        <translation>La connexion enregistrée «&#xa0;{uri}&#xa0;» a été ignorée&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>runtime.libvirt_hosts</name>
    <message>
        <source>The connection to {uri} was lost; kvmgui tries again in a moment (or click Reconnect).</source>
        <extracomment>kvmgui/runtime/libvirt_hosts.py</extracomment>
        <translation>La connexion à {uri} a été perdue&#xa0;; kvmgui réessaie dans un instant (ou cliquez sur Reconnecter).</translation>
    </message>
    <message>
        <source>{uri} is not connected; click Reconnect.</source>
        <extracomment>kvmgui/runtime/libvirt_hosts.py</extracomment>
        <translation>{uri} n’est pas connecté&#xa0;; cliquez sur Reconnecter.</translation>
    </message>
</context>
<context>
    <name>Connections</name>
    <message>
        <source>Not connected</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Failed</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Add Connection</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>Ajouter une connexion</translation>
    </message>
    <message>
        <source>Manage the virtual machines of libvirt, on this computer or on another one, next to kvmgui&apos;s own. kvmgui never keeps a password: for another computer, log in with an SSH key.</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>Gérez les machines virtuelles de libvirt, sur cet ordinateur ou sur un autre, à côté de celles de kvmgui. kvmgui ne garde jamais de mot de passe&#xa0;: pour un autre ordinateur, connectez-vous avec une clé SSH.</translation>
    </message>
    <message>
        <source>This computer&apos;s &amp;libvirt (qemu:///system)</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>&amp;libvirt de cet ordinateur (qemu:///system)</translation>
    </message>
    <message>
        <source>Another computer over &amp;SSH</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>Un autre ordinateur par &amp;SSH</translation>
    </message>
    <message>
        <source>Custom address (U&amp;RI)</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>Adresse personnalisée (U&amp;RI)</translation>
    </message>
    <message>
        <source>name or address</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>nom ou adresse</translation>
    </message>
    <message>
        <source>optional</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Co&amp;mputer:</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>&amp;Ordinateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Name in the list:</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>&amp;Nom dans la liste&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>&amp;Connecter</translation>
    </message>
    <message>
        <source>Add and connect</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>Ajouter et connecter</translation>
    </message>
    <message>
        <source>This computer (kvmgui)</source>
        <extracomment>kvmgui/ui/connections.py</extracomment>
        <translation>Cet ordinateur (kvmgui)</translation>
    </message>
</context>
<context>
    <name>runtime.libvirt_create</name>
    <message>
        <source>Uploading {file} into the pool {pool}…</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:277</extracomment>
        <translation>Envoi de {file} dans le pool {pool}…</translation>
    </message>
    <message>
        <source>A VM on a libvirt host gets new disks only: an existing disk image of this computer is not on the host (move a VM there instead).</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:76</extracomment>
        <translation>Une VM sur un hôte libvirt ne reçoit que de nouveaux disques&#xa0;: une image disque existante de cet ordinateur n&apos;est pas sur l&apos;hôte (déplacez plutôt une VM vers lui).</translation>
    </message>
    <message>
        <source>A VM on a libvirt host cannot use this computer&apos;s CD or DVD drive; choose an ISO image of the host&apos;s storage pools.</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:81</extracomment>
        <translation>Une VM sur un hôte libvirt ne peut pas utiliser le lecteur CD ou DVD de cet ordinateur&#xa0;; choisissez une image ISO des pools de stockage de l&apos;hôte.</translation>
    </message>
    <message>
        <source>A VM on a libvirt host cannot use this computer&apos;s USB sticks or devices.</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:86</extracomment>
        <translation>Une VM sur un hôte libvirt ne peut pas utiliser les clés ni les périphériques USB de cet ordinateur.</translation>
    </message>
    <message>
        <source>A VM on a libvirt host cannot share this computer&apos;s folders.</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:90</extracomment>
        <translation>Une VM sur un hôte libvirt ne peut pas partager les dossiers de cet ordinateur.</translation>
    </message>
    <message>
        <source>A VM on a libvirt host gets no extra QEMU arguments: they were approved for this computer only.</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:94</extracomment>
        <translation>Une VM sur un hôte libvirt ne reçoit pas d&apos;arguments QEMU supplémentaires&#xa0;: ils n&apos;ont été approuvés que pour cet ordinateur.</translation>
    </message>
    <message>
        <source>No active storage pool of {uri} holds &apos;{iso}&apos;; put the file into a pool&apos;s folder on the host (list them with: virsh -c {uri} pool-list --details) or upload it into one.</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:129</extracomment>
        <translation>Aucun pool de stockage actif de {uri} ne contient «&#xa0;{iso}&#xa0;»&#xa0;; mettez le fichier dans le dossier d&apos;un pool sur l&apos;hôte (listez-les avec&#xa0;: virsh -c {uri} pool-list --details) ou envoyez-le dans l&apos;un d&apos;eux.</translation>
    </message>
    <message>
        <source>Checking {uri}…</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:214</extracomment>
        <translation>Vérification de {uri}…</translation>
    </message>
    <message>
        <source>Done.</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:267</extracomment>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>{uri} already has a VM named &apos;{name}&apos;; choose another name.</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:217</extracomment>
        <translation>{uri} a déjà une VM nommée «&#xa0;{name}&#xa0;»&#xa0;; choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Defining &apos;{name}&apos; on {uri}…</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:260</extracomment>
        <translation>Définition de «&#xa0;{name}&#xa0;» sur {uri}…</translation>
    </message>
    <message>
        <source>Creating the disk volume {volume} in the pool {pool}…</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:240</extracomment>
        <translation>Création du volume disque {volume} dans le pool {pool}…</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <extracomment>kvmgui/runtime/libvirt_create.py:287</extracomment>
        <translation>{file} ne peut pas être lu&#xa0;: {reason}</translation>
    </message>
</context>
</TS>
