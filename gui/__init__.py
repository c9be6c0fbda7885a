"""Tagdesk: tag claims, threats, denials and statistics in news articles."""

__version__ = "0.1.0"
