"""The JSON REST API: the same actions as Socket.IO, for scripts and simple clients."""
