"""Use-cases the views and commands call; they own the database commits."""
