"""What the use cases share: the refusals they raise besides the domain's own."""

class NotFound(Exception):
    """Something the request names does not exist."""


class RecordConflict(Exception):
    """A partner record that cannot be saved as it stands (its child ids belong to another organization)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
