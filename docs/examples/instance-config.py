# instance/config.py: settings for this hall (environment variables KIOSK_<NAME> override these).
DEFAULT_HALL = "demo"
IDLE_SECONDS = 60
LOOKUPS_PER_MINUTE = 10
# DATABASE_URL = "postgresql+psycopg://hallkiosk:SECRET@127.0.0.1/hallkiosk"
# DEFAULT_PRINTER = "cups:Kiosk_Receipt"
