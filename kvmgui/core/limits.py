"""The bounds of a VM's memory and CPUs, the same for a definition, the settings' defaults
and every form that asks for them."""

# The one smallest memory size, for every VM however it is made (wizard, CLI, live, restore).
MIN_MEMORY_MIB = 32
MAX_MEMORY_MIB = 16 * 1024 * 1024  # 16 TiB
MAX_CPUS = 1024
