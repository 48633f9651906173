"""Who may change things: users with roles, API tokens, sessions, CSRF tokens and login limits."""
