"""The data that flows between the stages: the address value, accounts, results, fields."""
