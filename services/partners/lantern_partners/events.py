"""Events the partners service publishes (partner records, agreements and referrals arrive with their issue)."""

PUBLISHED: list = []
