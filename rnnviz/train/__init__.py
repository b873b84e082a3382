"""The headless trainer: config, loop with callbacks and thread-safe controls, checkpoints. No Qt here."""
