"""Bill queries: accounts, bills, late fees, the kiosk pages, the API and the CSV import."""
