"""Domain model, validation and command builders. Standard library only, no Qt."""
