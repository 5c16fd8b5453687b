"""Devices' SQL: plain, parameterised, returning typed objects; one module per aggregate."""
