"""Plain-Python domain model of Tagdesk. Nothing in this package imports Qt."""
