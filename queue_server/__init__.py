"""motcua: queue, kiosk and satisfaction-rating system for Vietnamese public-service centres."""
__version__ = "0.1.0"
