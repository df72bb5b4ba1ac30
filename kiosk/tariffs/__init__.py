"""Published tariffs and the fee schedule: kiosk pages, calculator, PDFs, display slide, admin, API, imports."""
