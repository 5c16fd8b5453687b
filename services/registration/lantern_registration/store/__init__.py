"""Registration's SQL: plain, parameterised, returning typed objects. One module per aggregate."""
