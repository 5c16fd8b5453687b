""" Contains all the data models used in inputs/outputs """

from .agreement import Agreement
from .agreement_kind import AgreementKind
from .agreement_terms import AgreementTerms
from .agreement_terms_kind import AgreementTermsKind
from .application_status import ApplicationStatus
from .application_view import ApplicationView
from .attendance_record import AttendanceRecord
from .attendance_record_method import AttendanceRecordMethod
from .availability import Availability
from .block import Block
from .borrower import Borrower
from .borrower_kind import BorrowerKind
from .borrower_status import BorrowerStatus
from .broadcast_message import BroadcastMessage
from .broadcast_message_body import BroadcastMessageBody
from .broadcast_message_category import BroadcastMessageCategory
from .broadcast_message_subject import BroadcastMessageSubject
from .broadcast_receipt import BroadcastReceipt
from .broadcast_receipt_skipped_item import BroadcastReceiptSkippedItem
from .cancellation_request import CancellationRequest
from .cancellation_request_by import CancellationRequestBy
from .card_sign_in import CardSignIn
from .category import Category
from .channel import Channel
from .check_in import CheckIn
from .consent_choice import ConsentChoice
from .consent_choice_source import ConsentChoiceSource
from .contact import Contact
from .coverage import Coverage
from .delivery_view import DeliveryView
from .device import Device
from .device_changes import DeviceChanges
from .device_kind import DeviceKind
from .device_state import DeviceState
from .directory_hit import DirectoryHit
from .distribution_list import DistributionList
from .emergency_loan import EmergencyLoan
from .end_agreement_request import EndAgreementRequest
from .erasure import Erasure
from .feedback import Feedback
from .feedback_follow_up_applied_type_0 import FeedbackFollowUpAppliedType0
from .feedback_form import FeedbackForm
from .follow_up import FollowUp
from .follow_up_applied import FollowUpApplied
from .get_agreements_kind_type_0 import GetAgreementsKindType0
from .get_agreements_state_type_0 import GetAgreementsStateType0
from .get_hsds_organizations_partner_id_response_export_one_internal_v1_hsds_organizations_partner_id_get import GetHsdsOrganizationsPartnerIdResponseExportOneInternalV1HsdsOrganizationsPartnerIdGet
from .get_hsds_organizations_response_200_item import GetHsdsOrganizationsResponse200Item
from .get_loans_status_type_0 import GetLoansStatusType0
from .get_me_agreements_kind_type_0 import GetMeAgreementsKindType0
from .get_me_agreements_state_type_0 import GetMeAgreementsStateType0
from .get_me_loans_status_type_0 import GetMeLoansStatusType0
from .get_me_referrals_outcome_type_0 import GetMeReferralsOutcomeType0
from .get_me_registrations_status_type_0 import GetMeRegistrationsStatusType0
from .get_me_response_me_api_v1_me_get import GetMeResponseMeApiV1MeGet
from .get_partners_kind_type_0 import GetPartnersKindType0
from .get_partners_status_type_0 import GetPartnersStatusType0
from .get_patrons_patron_id_summary_response_summary_api_v1_patrons_patron_id_summary_get import GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet
from .get_programs_age_group_type_0 import GetProgramsAgeGroupType0
from .get_referrals_outcome_type_0 import GetReferralsOutcomeType0
from .get_registrations_status_type_0 import GetRegistrationsStatusType0
from .get_sessions_status_type_0 import GetSessionsStatusType0
from .guest_code_request import GuestCodeRequest
from .guest_code_sent import GuestCodeSent
from .guest_sign_in import GuestSignIn
from .hold_status import HoldStatus
from .hold_view import HoldView
from .host_input import HostInput
from .host_input_kind import HostInputKind
from .import_result import ImportResult
from .import_result_outcome import ImportResultOutcome
from .inbox_message import InboxMessage
from .jwks_api_v1_auth_jwks_json_get_response_jwks_api_v1_auth_jwks_json_get import JwksApiV1AuthJwksJsonGetResponseJwksApiV1AuthJwksJsonGet
from .kit_item import KitItem
from .lantern_registration_api_programs_host import LanternRegistrationApiProgramsHost
from .lantern_registration_domain_programs_host import LanternRegistrationDomainProgramsHost
from .lantern_registration_domain_programs_host_kind import LanternRegistrationDomainProgramsHostKind
from .list_member import ListMember
from .list_with_members import ListWithMembers
from .loan import Loan
from .loan_list import LoanList
from .location import Location
from .location_kind import LocationKind
from .membership import Membership
from .mentorship import Mentorship
from .milestone import Milestone
from .milestone_details import MilestoneDetails
from .need import Need
from .new_application import NewApplication
from .new_device import NewDevice
from .new_hold import NewHold
from .new_list import NewList
from .new_loan import NewLoan
from .new_offers import NewOffers
from .new_training_reservation import NewTrainingReservation
from .new_training_reservation_devices import NewTrainingReservationDevices
from .offer import Offer
from .offer_status import OfferStatus
from .outcome_request import OutcomeRequest
from .outcome_request_outcome import OutcomeRequestOutcome
from .outcomes import Outcomes
from .outcomes_follow_ups import OutcomesFollowUps
from .overdue_record import OverdueRecord
from .page_agreement import PageAgreement
from .page_application_view import PageApplicationView
from .page_delivery_view import PageDeliveryView
from .page_device import PageDevice
from .page_directory_hit import PageDirectoryHit
from .page_distribution_list import PageDistributionList
from .page_hold_view import PageHoldView
from .page_inbox_message import PageInboxMessage
from .page_loan import PageLoan
from .page_offer import PageOffer
from .page_overdue_record import PageOverdueRecord
from .page_partner import PagePartner
from .page_patron import PagePatron
from .page_program import PageProgram
from .page_referral import PageReferral
from .page_registration import PageRegistration
from .page_reservation import PageReservation
from .page_session import PageSession
from .page_status_change import PageStatusChange
from .partner import Partner
from .partner_kind import PartnerKind
from .partner_record import PartnerRecord
from .partner_record_kind import PartnerRecordKind
from .partner_status import PartnerStatus
from .partners_need import PartnersNeed
from .partnerships_report import PartnershipsReport
from .partnerships_report_active_agreements_by_kind import PartnershipsReportActiveAgreementsByKind
from .partnerships_report_benchmark_coverage import PartnershipsReportBenchmarkCoverage
from .partnerships_report_devices_on_loan_by_kind import PartnershipsReportDevicesOnLoanByKind
from .partnerships_report_partners_by_kind import PartnershipsReportPartnersByKind
from .partnerships_report_partners_by_kind_additional_property import PartnershipsReportPartnersByKindAdditionalProperty
from .partnerships_report_referrals_by_outcome import PartnershipsReportReferralsByOutcome
from .patron import Patron
from .patron_card_status import PatronCardStatus
from .patron_changes import PatronChanges
from .patron_details import PatronDetails
from .patron_tokens import PatronTokens
from .place import Place
from .place_kind import PlaceKind
from .pls_figures import PlsFigures
from .pls_figures_attendance_by_age_group import PlsFiguresAttendanceByAgeGroup
from .pls_figures_sessions_by_age_group import PlsFiguresSessionsByAgeGroup
from .post_hsds_organizations_body_type_0 import PostHsdsOrganizationsBodyType0
from .post_hsds_organizations_body_type_1_item import PostHsdsOrganizationsBodyType1Item
from .preferences import Preferences
from .preferences_opted_out_item import PreferencesOptedOutItem
from .preferences_timezone_type_0 import PreferencesTimezoneType0
from .preferences_view import PreferencesView
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .program import Program
from .program_age_group import ProgramAgeGroup
from .program_changes import ProgramChanges
from .program_changes_age_group import ProgramChangesAgeGroup
from .program_changes_descriptions import ProgramChangesDescriptions
from .program_changes_titles import ProgramChangesTitles
from .program_descriptions import ProgramDescriptions
from .program_details import ProgramDetails
from .program_details_age_group import ProgramDetailsAgeGroup
from .program_details_descriptions import ProgramDetailsDescriptions
from .program_details_titles import ProgramDetailsTitles
from .program_report import ProgramReport
from .program_titles import ProgramTitles
from .programme_report import ProgrammeReport
from .quiet_hours import QuietHours
from .recipient_view import RecipientView
from .referral import Referral
from .referral_consent import ReferralConsent
from .referral_request import ReferralRequest
from .refresh_request import RefreshRequest
from .registration import Registration
from .registration_attendance_type_0 import RegistrationAttendanceType0
from .registration_cancel_reason_type_0 import RegistrationCancelReasonType0
from .registration_request import RegistrationRequest
from .registration_status import RegistrationStatus
from .report_row import ReportRow
from .reservation import Reservation
from .reservation_missing import ReservationMissing
from .reservation_requested import ReservationRequested
from .reservation_status import ReservationStatus
from .return_ import Return
from .return_condition import ReturnCondition
from .rules_body import RulesBody
from .rules_view import RulesView
from .schedule import Schedule
from .schedule_byday_item import ScheduleBydayItem
from .service import Service
from .service_status import ServiceStatus
from .service_verified import ServiceVerified
from .session import Session
from .session_cancellation import SessionCancellation
from .session_changes import SessionChanges
from .session_changes_devices_needed_type_0 import SessionChangesDevicesNeededType0
from .session_changes_timezone_type_0 import SessionChangesTimezoneType0
from .session_details import SessionDetails
from .session_details_devices_needed import SessionDetailsDevicesNeeded
from .session_details_timezone import SessionDetailsTimezone
from .session_devices_missing import SessionDevicesMissing
from .session_devices_needed import SessionDevicesNeeded
from .session_status import SessionStatus
from .session_timezone import SessionTimezone
from .sign_in_code import SignInCode
from .skill_wish import SkillWish
from .sms_consent_view import SmsConsentView
from .source import Source
from .standing import Standing
from .state_change import StateChange
from .state_change_request import StateChangeRequest
from .state_change_request_to_state import StateChangeRequestToState
from .status import Status
from .status_change import StatusChange
from .status_change_request import StatusChangeRequest
from .status_change_request_status import StatusChangeRequestStatus
from .submitted_by import SubmittedBy
from .turnout import Turnout

__all__ = (
    "Agreement",
    "AgreementKind",
    "AgreementTerms",
    "AgreementTermsKind",
    "ApplicationStatus",
    "ApplicationView",
    "AttendanceRecord",
    "AttendanceRecordMethod",
    "Availability",
    "Block",
    "Borrower",
    "BorrowerKind",
    "BorrowerStatus",
    "BroadcastMessage",
    "BroadcastMessageBody",
    "BroadcastMessageCategory",
    "BroadcastMessageSubject",
    "BroadcastReceipt",
    "BroadcastReceiptSkippedItem",
    "CancellationRequest",
    "CancellationRequestBy",
    "CardSignIn",
    "Category",
    "Channel",
    "CheckIn",
    "ConsentChoice",
    "ConsentChoiceSource",
    "Contact",
    "Coverage",
    "DeliveryView",
    "Device",
    "DeviceChanges",
    "DeviceKind",
    "DeviceState",
    "DirectoryHit",
    "DistributionList",
    "EmergencyLoan",
    "EndAgreementRequest",
    "Erasure",
    "Feedback",
    "FeedbackFollowUpAppliedType0",
    "FeedbackForm",
    "FollowUp",
    "FollowUpApplied",
    "GetAgreementsKindType0",
    "GetAgreementsStateType0",
    "GetHsdsOrganizationsPartnerIdResponseExportOneInternalV1HsdsOrganizationsPartnerIdGet",
    "GetHsdsOrganizationsResponse200Item",
    "GetLoansStatusType0",
    "GetMeAgreementsKindType0",
    "GetMeAgreementsStateType0",
    "GetMeLoansStatusType0",
    "GetMeReferralsOutcomeType0",
    "GetMeRegistrationsStatusType0",
    "GetMeResponseMeApiV1MeGet",
    "GetPartnersKindType0",
    "GetPartnersStatusType0",
    "GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet",
    "GetProgramsAgeGroupType0",
    "GetReferralsOutcomeType0",
    "GetRegistrationsStatusType0",
    "GetSessionsStatusType0",
    "GuestCodeRequest",
    "GuestCodeSent",
    "GuestSignIn",
    "HoldStatus",
    "HoldView",
    "HostInput",
    "HostInputKind",
    "ImportResult",
    "ImportResultOutcome",
    "InboxMessage",
    "JwksApiV1AuthJwksJsonGetResponseJwksApiV1AuthJwksJsonGet",
    "KitItem",
    "LanternRegistrationApiProgramsHost",
    "LanternRegistrationDomainProgramsHost",
    "LanternRegistrationDomainProgramsHostKind",
    "ListMember",
    "ListWithMembers",
    "Loan",
    "LoanList",
    "Location",
    "LocationKind",
    "Membership",
    "Mentorship",
    "Milestone",
    "MilestoneDetails",
    "Need",
    "NewApplication",
    "NewDevice",
    "NewHold",
    "NewList",
    "NewLoan",
    "NewOffers",
    "NewTrainingReservation",
    "NewTrainingReservationDevices",
    "Offer",
    "OfferStatus",
    "OutcomeRequest",
    "OutcomeRequestOutcome",
    "Outcomes",
    "OutcomesFollowUps",
    "OverdueRecord",
    "PageAgreement",
    "PageApplicationView",
    "PageDeliveryView",
    "PageDevice",
    "PageDirectoryHit",
    "PageDistributionList",
    "PageHoldView",
    "PageInboxMessage",
    "PageLoan",
    "PageOffer",
    "PageOverdueRecord",
    "PagePartner",
    "PagePatron",
    "PageProgram",
    "PageReferral",
    "PageRegistration",
    "PageReservation",
    "PageSession",
    "PageStatusChange",
    "Partner",
    "PartnerKind",
    "PartnerRecord",
    "PartnerRecordKind",
    "PartnershipsReport",
    "PartnershipsReportActiveAgreementsByKind",
    "PartnershipsReportBenchmarkCoverage",
    "PartnershipsReportDevicesOnLoanByKind",
    "PartnershipsReportPartnersByKind",
    "PartnershipsReportPartnersByKindAdditionalProperty",
    "PartnershipsReportReferralsByOutcome",
    "PartnersNeed",
    "PartnerStatus",
    "Patron",
    "PatronCardStatus",
    "PatronChanges",
    "PatronDetails",
    "PatronTokens",
    "Place",
    "PlaceKind",
    "PlsFigures",
    "PlsFiguresAttendanceByAgeGroup",
    "PlsFiguresSessionsByAgeGroup",
    "PostHsdsOrganizationsBodyType0",
    "PostHsdsOrganizationsBodyType1Item",
    "Preferences",
    "PreferencesOptedOutItem",
    "PreferencesTimezoneType0",
    "PreferencesView",
    "Problem",
    "ProblemErrorsItem",
    "Program",
    "ProgramAgeGroup",
    "ProgramChanges",
    "ProgramChangesAgeGroup",
    "ProgramChangesDescriptions",
    "ProgramChangesTitles",
    "ProgramDescriptions",
    "ProgramDetails",
    "ProgramDetailsAgeGroup",
    "ProgramDetailsDescriptions",
    "ProgramDetailsTitles",
    "ProgrammeReport",
    "ProgramReport",
    "ProgramTitles",
    "QuietHours",
    "RecipientView",
    "Referral",
    "ReferralConsent",
    "ReferralRequest",
    "RefreshRequest",
    "Registration",
    "RegistrationAttendanceType0",
    "RegistrationCancelReasonType0",
    "RegistrationRequest",
    "RegistrationStatus",
    "ReportRow",
    "Reservation",
    "ReservationMissing",
    "ReservationRequested",
    "ReservationStatus",
    "Return",
    "ReturnCondition",
    "RulesBody",
    "RulesView",
    "Schedule",
    "ScheduleBydayItem",
    "Service",
    "ServiceStatus",
    "ServiceVerified",
    "Session",
    "SessionCancellation",
    "SessionChanges",
    "SessionChangesDevicesNeededType0",
    "SessionChangesTimezoneType0",
    "SessionDetails",
    "SessionDetailsDevicesNeeded",
    "SessionDetailsTimezone",
    "SessionDevicesMissing",
    "SessionDevicesNeeded",
    "SessionStatus",
    "SessionTimezone",
    "SignInCode",
    "SkillWish",
    "SmsConsentView",
    "Source",
    "Standing",
    "StateChange",
    "StateChangeRequest",
    "StateChangeRequestToState",
    "Status",
    "StatusChange",
    "StatusChangeRequest",
    "StatusChangeRequestStatus",
    "SubmittedBy",
    "Turnout",
)
