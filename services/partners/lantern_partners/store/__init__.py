"""The partners service's SQL: plain, parameterised, taking `conn` first and returning typed objects."""
