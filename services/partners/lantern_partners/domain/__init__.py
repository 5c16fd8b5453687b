"""The partners service's rules, free of I/O: partner records, partnership status and agreements, the referral
directory, referrals, broadcasts and the partnerships report."""
