from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.registration_rules_mode import check_registration_rules_mode
from ..models.registration_rules_mode import RegistrationRulesMode
from ..models.registration_rules_unit import check_registration_rules_unit
from ..models.registration_rules_unit import RegistrationRulesUnit
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.no_show_policy import NoShowPolicy
  from ..models.registration_rules_staff_only_instructions import RegistrationRulesStaffOnlyInstructions





T = TypeVar("T", bound="RegistrationRules")



@_attrs_define
class RegistrationRules:
    """ 
        Attributes:
            closes_hours_before (int | None | Unset): Closes this many hours before the start (absent: at the start)
            mode (RegistrationRulesMode | Unset): staff_only: patrons cannot register themselves Default: 'open'.
            no_show_policy (None | NoShowPolicy | Unset): Off when absent
            opens_days_before (int | None | Unset): Registration opens this many days before the start
            staff_only_instructions (RegistrationRulesStaffOnlyInstructions | Unset): What a patron is told to do instead
                (staff-only mode), per language
            unit (RegistrationRulesUnit | Unset): Register per session, or once for a whole series Default: 'session'.
     """

    closes_hours_before: int | None | Unset = UNSET
    mode: RegistrationRulesMode | Unset = 'open'
    no_show_policy: None | NoShowPolicy | Unset = UNSET
    opens_days_before: int | None | Unset = UNSET
    staff_only_instructions: RegistrationRulesStaffOnlyInstructions | Unset = UNSET
    unit: RegistrationRulesUnit | Unset = 'session'





    def to_dict(self) -> dict[str, Any]:
        from ..models.no_show_policy import NoShowPolicy # noqa: PLC0415
        from ..models.registration_rules_staff_only_instructions import RegistrationRulesStaffOnlyInstructions # noqa: PLC0415
        closes_hours_before: int | None | Unset
        if isinstance(self.closes_hours_before, Unset):
            closes_hours_before = UNSET
        else:
            closes_hours_before = self.closes_hours_before

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode


        no_show_policy: dict[str, Any] | None | Unset
        if isinstance(self.no_show_policy, Unset):
            no_show_policy = UNSET
        elif isinstance(self.no_show_policy, NoShowPolicy):
            no_show_policy = self.no_show_policy.to_dict()
        else:
            no_show_policy = self.no_show_policy

        opens_days_before: int | None | Unset
        if isinstance(self.opens_days_before, Unset):
            opens_days_before = UNSET
        else:
            opens_days_before = self.opens_days_before

        staff_only_instructions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.staff_only_instructions, Unset):
            staff_only_instructions = self.staff_only_instructions.to_dict()

        unit: str | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if closes_hours_before is not UNSET:
            field_dict["closes_hours_before"] = closes_hours_before
        if mode is not UNSET:
            field_dict["mode"] = mode
        if no_show_policy is not UNSET:
            field_dict["no_show_policy"] = no_show_policy
        if opens_days_before is not UNSET:
            field_dict["opens_days_before"] = opens_days_before
        if staff_only_instructions is not UNSET:
            field_dict["staff_only_instructions"] = staff_only_instructions
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.no_show_policy import NoShowPolicy # noqa: PLC0415
        from ..models.registration_rules_staff_only_instructions import RegistrationRulesStaffOnlyInstructions # noqa: PLC0415
        d = dict(src_dict)
        def _parse_closes_hours_before(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        closes_hours_before = _parse_closes_hours_before(d.pop("closes_hours_before", UNSET))


        _mode = d.pop("mode", UNSET)
        mode: RegistrationRulesMode | Unset
        if isinstance(_mode,  Unset):
            mode = UNSET
        else:
            mode = check_registration_rules_mode(_mode)




        def _parse_no_show_policy(data: object) -> None | NoShowPolicy | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                no_show_policy_type_0 = NoShowPolicy.from_dict(data)



                return no_show_policy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NoShowPolicy | Unset, data)

        no_show_policy = _parse_no_show_policy(d.pop("no_show_policy", UNSET))


        def _parse_opens_days_before(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        opens_days_before = _parse_opens_days_before(d.pop("opens_days_before", UNSET))


        _staff_only_instructions = d.pop("staff_only_instructions", UNSET)
        staff_only_instructions: RegistrationRulesStaffOnlyInstructions | Unset
        if isinstance(_staff_only_instructions,  Unset):
            staff_only_instructions = UNSET
        else:
            staff_only_instructions = RegistrationRulesStaffOnlyInstructions.from_dict(_staff_only_instructions)




        _unit = d.pop("unit", UNSET)
        unit: RegistrationRulesUnit | Unset
        if isinstance(_unit,  Unset):
            unit = UNSET
        else:
            unit = check_registration_rules_unit(_unit)




        registration_rules = cls(
            closes_hours_before=closes_hours_before,
            mode=mode,
            no_show_policy=no_show_policy,
            opens_days_before=opens_days_before,
            staff_only_instructions=staff_only_instructions,
            unit=unit,
        )

        return registration_rules

