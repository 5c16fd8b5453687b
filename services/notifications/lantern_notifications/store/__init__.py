"""Notifications' SQL, one module per table or aggregate; each function takes the connection first."""
