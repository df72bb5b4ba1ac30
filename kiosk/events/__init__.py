"""The event log and its Server-Sent Events stream."""
