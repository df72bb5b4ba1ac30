"""Voice calls: announcements built on the server from short audio clips, default or recorded by the hall."""
