"""Queue tickets, window calling, the paper ticket, ratings and statistics."""
