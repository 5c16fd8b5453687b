"""Devices on loan to partner organizations, as devices reports them (loans to patrons are not ours to count)."""

from lantern_shared.uow import UnitOfWork

from ..deps import Deps
from ..events import LoanReturned, LoanStarted
from ..store import loans


async def loan_started(deps: Deps, work: UnitOfWork, loan: LoanStarted) -> None:
    if loan.borrower.kind == "partner":
        await loans.loan_started(work.conn, loan.loan_id, loan.borrower.id, loan.device_kind, loan.started_at)


async def loan_returned(deps: Deps, work: UnitOfWork, loan: LoanReturned) -> None:
    if loan.borrower.kind == "partner":
        await loans.loan_returned(work.conn, loan.loan_id, loan.borrower.id, loan.device_kind, loan.returned_at)
