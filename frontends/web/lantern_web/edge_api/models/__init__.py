""" Contains all the data models used in inputs/outputs """

from .agreement import Agreement
from .agreement_kind import AgreementKind
from .agreement_terms import AgreementTerms
from .agreement_terms_kind import AgreementTermsKind
from .application_status import ApplicationStatus
from .application_view import ApplicationView
from .apply_request import ApplyRequest
from .appointment_attendance import AppointmentAttendance
from .attendance_record import AttendanceRecord
from .attendance_record_method import AttendanceRecordMethod
from .availability import Availability
from .block import Block
from .booking import Booking
from .booking_purpose import BookingPurpose
from .booking_status import BookingStatus
from .borrower import Borrower
from .borrower_kind import BorrowerKind
from .borrower_status import BorrowerStatus
from .branch import Branch
from .branch_details import BranchDetails
from .branch_details_timezone import BranchDetailsTimezone
from .broadcast_message import BroadcastMessage
from .broadcast_message_body import BroadcastMessageBody
from .broadcast_message_category import BroadcastMessageCategory
from .broadcast_message_subject import BroadcastMessageSubject
from .broadcast_receipt import BroadcastReceipt
from .broadcast_receipt_skipped_item import BroadcastReceiptSkippedItem
from .busy import Busy
from .cancellation import Cancellation
from .cancellation_request import CancellationRequest
from .cancellation_request_by import CancellationRequestBy
from .card_sign_in import CardSignIn
from .category import Category
from .channel import Channel
from .check_in import CheckIn
from .closure import Closure
from .consent_choice import ConsentChoice
from .consent_choice_source import ConsentChoiceSource
from .contact import Contact
from .coverage import Coverage
from .decision import Decision
from .decision_decision import DecisionDecision
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
from .get_appointment_slots_kind_type_0 import GetAppointmentSlotsKindType0
from .get_appointment_slots_status_type_0 import GetAppointmentSlotsStatusType0
from .get_hsds_organizations_partner_id_response_export_one_internal_v1_hsds_organizations_partner_id_get import GetHsdsOrganizationsPartnerIdResponseExportOneInternalV1HsdsOrganizationsPartnerIdGet
from .get_hsds_organizations_response_200_item import GetHsdsOrganizationsResponse200Item
from .get_loans_status_type_0 import GetLoansStatusType0
from .get_me_agreements_kind_type_0 import GetMeAgreementsKindType0
from .get_me_agreements_state_type_0 import GetMeAgreementsStateType0
from .get_me_appointments_kind_type_0 import GetMeAppointmentsKindType0
from .get_me_appointments_status_type_0 import GetMeAppointmentsStatusType0
from .get_me_loans_status_type_0 import GetMeLoansStatusType0
from .get_me_referrals_outcome_type_0 import GetMeReferralsOutcomeType0
from .get_me_registrations_status_type_0 import GetMeRegistrationsStatusType0
from .get_me_response_me_api_v1_me_get import GetMeResponseMeApiV1MeGet
from .get_me_series_registrations_status_type_0 import GetMeSeriesRegistrationsStatusType0
from .get_openreferral_organizations_organization_id_response_organization_internal_v1_openreferral_organizations_organization_id_get import GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet
from .get_openreferral_organizations_response_organizations_internal_v1_openreferral_organizations_get import GetOpenreferralOrganizationsResponseOrganizationsInternalV1OpenreferralOrganizationsGet
from .get_openreferral_service_at_locations_response_service_at_locations_internal_v1_openreferral_service_at_locations_get import GetOpenreferralServiceAtLocationsResponseServiceAtLocationsInternalV1OpenreferralServiceAtLocationsGet
from .get_openreferral_service_at_locations_sal_id_response_service_at_location_internal_v1_openreferral_service_at_locations_sal_id_get import GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet
from .get_openreferral_services_response_services_internal_v1_openreferral_services_get import GetOpenreferralServicesResponseServicesInternalV1OpenreferralServicesGet
from .get_openreferral_services_service_id_response_service_internal_v1_openreferral_services_service_id_get import GetOpenreferralServicesServiceIdResponseServiceInternalV1OpenreferralServicesServiceIdGet
from .get_openreferral_taxonomies_response_taxonomies_internal_v1_openreferral_taxonomies_get import GetOpenreferralTaxonomiesResponseTaxonomiesInternalV1OpenreferralTaxonomiesGet
from .get_openreferral_taxonomies_taxonomy_id_response_taxonomy_internal_v1_openreferral_taxonomies_taxonomy_id_get import GetOpenreferralTaxonomiesTaxonomyIdResponseTaxonomyInternalV1OpenreferralTaxonomiesTaxonomyIdGet
from .get_openreferral_taxonomy_terms_response_taxonomy_terms_internal_v1_openreferral_taxonomy_terms_get import GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet
from .get_openreferral_taxonomy_terms_term_id_response_taxonomy_term_internal_v1_openreferral_taxonomy_terms_term_id_get import GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet
from .get_partners_kind_type_0 import GetPartnersKindType0
from .get_partners_status_type_0 import GetPartnersStatusType0
from .get_patrons_patron_id_summary_response_summary_api_v1_patrons_patron_id_summary_get import GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet
from .get_programs_age_group_type_0 import GetProgramsAgeGroupType0
from .get_proposals_state_type_0 import GetProposalsStateType0
from .get_referrals_outcome_type_0 import GetReferralsOutcomeType0
from .get_registrations_status_type_0 import GetRegistrationsStatusType0
from .get_series_registrations_status_type_0 import GetSeriesRegistrationsStatusType0
from .get_sessions_status_type_0 import GetSessionsStatusType0
from .guest_code_request import GuestCodeRequest
from .guest_code_sent import GuestCodeSent
from .guest_sign_in import GuestSignIn
from .hold_status import HoldStatus
from .hold_view import HoldView
from .host_input import HostInput
from .host_input_kind import HostInputKind
from .hours import Hours
from .hours_loaned import HoursLoaned
from .hours_loaned_report import HoursLoanedReport
from .import_result import ImportResult
from .import_result_outcome import ImportResultOutcome
from .inbox_message import InboxMessage
from .indicator import Indicator
from .indicator_counts import IndicatorCounts
from .jwks_api_v1_auth_jwks_json_get_response_jwks_api_v1_auth_jwks_json_get import JwksApiV1AuthJwksJsonGetResponseJwksApiV1AuthJwksJsonGet
from .kit_item import KitItem
from .lantern_partners_store_partners_status_change import LanternPartnersStorePartnersStatusChange
from .lantern_partners_store_referrals_status_change import LanternPartnersStoreReferralsStatusChange
from .lantern_registration_api_programs_host import LanternRegistrationApiProgramsHost
from .lantern_registration_domain_programs_host import LanternRegistrationDomainProgramsHost
from .lantern_registration_domain_programs_host_kind import LanternRegistrationDomainProgramsHostKind
from .lantern_shared_pagination_page_status_change_1 import LanternSharedPaginationPageStatusChange1
from .lantern_shared_pagination_page_status_change_2 import LanternSharedPaginationPageStatusChange2
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
from .new_booking import NewBooking
from .new_closure import NewClosure
from .new_device import NewDevice
from .new_hold import NewHold
from .new_list import NewList
from .new_loan import NewLoan
from .new_offers import NewOffers
from .new_space import NewSpace
from .new_training_reservation import NewTrainingReservation
from .new_training_reservation_devices import NewTrainingReservationDevices
from .no_show_policy import NoShowPolicy
from .offer import Offer
from .offer_status import OfferStatus
from .one_to_one import OneToOne
from .opening_hours import OpeningHours
from .outcome_request import OutcomeRequest
from .outcome_request_outcome import OutcomeRequestOutcome
from .outcomes import Outcomes
from .outcomes_follow_ups import OutcomesFollowUps
from .overdue_record import OverdueRecord
from .page_agreement import PageAgreement
from .page_application_view import PageApplicationView
from .page_booking import PageBooking
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
from .page_proposal import PageProposal
from .page_referral import PageReferral
from .page_registration import PageRegistration
from .page_reservation import PageReservation
from .page_series import PageSeries
from .page_series_registration import PageSeriesRegistration
from .page_session import PageSession
from .page_slot import PageSlot
from .page_space import PageSpace
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
from .partnerships_report_edge_10 import PartnershipsReportEdge10
from .partnerships_report_edge_20 import PartnershipsReportEdge20
from .partnerships_report_partners_by_kind import PartnershipsReportPartnersByKind
from .partnerships_report_partners_by_kind_additional_property import PartnershipsReportPartnersByKindAdditionalProperty
from .partnerships_report_referrals_by_outcome import PartnershipsReportReferralsByOutcome
from .patron import Patron
from .patron_card_status import PatronCardStatus
from .patron_changes import PatronChanges
from .patron_details import PatronDetails
from .patron_tokens import PatronTokens
from .pause import Pause
from .personal_feed import PersonalFeed
from .place import Place
from .place_kind import PlaceKind
from .place_turnout import PlaceTurnout
from .place_turnout_kind import PlaceTurnoutKind
from .pls_figures import PlsFigures
from .pls_figures_attendance_by_age_group import PlsFiguresAttendanceByAgeGroup
from .pls_figures_attendance_by_format import PlsFiguresAttendanceByFormat
from .pls_figures_attendance_by_format_additional_property import PlsFiguresAttendanceByFormatAdditionalProperty
from .pls_figures_sessions_by_age_group import PlsFiguresSessionsByAgeGroup
from .pls_figures_sessions_by_format import PlsFiguresSessionsByFormat
from .pls_figures_sessions_by_format_additional_property import PlsFiguresSessionsByFormatAdditionalProperty
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
from .proposal import Proposal
from .proposal_request import ProposalRequest
from .proposal_state import ProposalState
from .quiet_hours import QuietHours
from .recipient_view import RecipientView
from .referral import Referral
from .referral_consent import ReferralConsent
from .referral_loop import ReferralLoop
from .referral_loop_by_outcome import ReferralLoopByOutcome
from .referral_loop_status_reports_by_party import ReferralLoopStatusReportsByParty
from .referral_request import ReferralRequest
from .refresh_request import RefreshRequest
from .registration import Registration
from .registration_attendance_type_0 import RegistrationAttendanceType0
from .registration_booking import RegistrationBooking
from .registration_cancel_reason_type_0 import RegistrationCancelReasonType0
from .registration_request import RegistrationRequest
from .registration_rules import RegistrationRules
from .registration_rules_mode import RegistrationRulesMode
from .registration_rules_staff_only_instructions import RegistrationRulesStaffOnlyInstructions
from .registration_rules_unit import RegistrationRulesUnit
from .registration_status import RegistrationStatus
from .reject_request import RejectRequest
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
from .series import Series
from .series_changes import SeriesChanges
from .series_changes_age_group_type_0 import SeriesChangesAgeGroupType0
from .series_changes_format_type_0 import SeriesChangesFormatType0
from .series_details import SeriesDetails
from .series_details_age_group_type_0 import SeriesDetailsAgeGroupType0
from .series_details_format_type_0 import SeriesDetailsFormatType0
from .series_details_timezone import SeriesDetailsTimezone
from .series_registration import SeriesRegistration
from .series_registration_status import SeriesRegistrationStatus
from .series_view import SeriesView
from .service import Service
from .service_status import ServiceStatus
from .service_verified import ServiceVerified
from .session import Session
from .session_age_group_type_0 import SessionAgeGroupType0
from .session_cancellation import SessionCancellation
from .session_changes import SessionChanges
from .session_changes_age_group_type_0 import SessionChangesAgeGroupType0
from .session_changes_devices_needed_type_0 import SessionChangesDevicesNeededType0
from .session_changes_format_type_0 import SessionChangesFormatType0
from .session_changes_timezone_type_0 import SessionChangesTimezoneType0
from .session_details import SessionDetails
from .session_details_age_group_type_0 import SessionDetailsAgeGroupType0
from .session_details_devices_needed import SessionDetailsDevicesNeeded
from .session_details_format_type_0 import SessionDetailsFormatType0
from .session_details_timezone import SessionDetailsTimezone
from .session_devices_missing import SessionDevicesMissing
from .session_devices_needed import SessionDevicesNeeded
from .session_format import SessionFormat
from .session_status import SessionStatus
from .session_timezone import SessionTimezone
from .sign_in_code import SignInCode
from .skill_wish import SkillWish
from .slot import Slot
from .slot_attendance_type_0 import SlotAttendanceType0
from .slot_details import SlotDetails
from .slot_details_format import SlotDetailsFormat
from .slot_details_helper_role import SlotDetailsHelperRole
from .slot_details_kind import SlotDetailsKind
from .slot_details_timezone import SlotDetailsTimezone
from .slot_format import SlotFormat
from .slot_helper_role import SlotHelperRole
from .slot_kind import SlotKind
from .slot_status import SlotStatus
from .slot_timezone import SlotTimezone
from .sms_consent_view import SmsConsentView
from .source import Source
from .space import Space
from .space_changes import SpaceChanges
from .space_kind import SpaceKind
from .standing import Standing
from .state_change import StateChange
from .state_change_request import StateChangeRequest
from .state_change_request_to_state import StateChangeRequestToState
from .status import Status
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
    "ApplyRequest",
    "AppointmentAttendance",
    "AttendanceRecord",
    "AttendanceRecordMethod",
    "Availability",
    "Block",
    "Booking",
    "BookingPurpose",
    "BookingStatus",
    "Borrower",
    "BorrowerKind",
    "BorrowerStatus",
    "Branch",
    "BranchDetails",
    "BranchDetailsTimezone",
    "BroadcastMessage",
    "BroadcastMessageBody",
    "BroadcastMessageCategory",
    "BroadcastMessageSubject",
    "BroadcastReceipt",
    "BroadcastReceiptSkippedItem",
    "Busy",
    "Cancellation",
    "CancellationRequest",
    "CancellationRequestBy",
    "CardSignIn",
    "Category",
    "Channel",
    "CheckIn",
    "Closure",
    "ConsentChoice",
    "ConsentChoiceSource",
    "Contact",
    "Coverage",
    "Decision",
    "DecisionDecision",
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
    "GetAppointmentSlotsKindType0",
    "GetAppointmentSlotsStatusType0",
    "GetHsdsOrganizationsPartnerIdResponseExportOneInternalV1HsdsOrganizationsPartnerIdGet",
    "GetHsdsOrganizationsResponse200Item",
    "GetLoansStatusType0",
    "GetMeAgreementsKindType0",
    "GetMeAgreementsStateType0",
    "GetMeAppointmentsKindType0",
    "GetMeAppointmentsStatusType0",
    "GetMeLoansStatusType0",
    "GetMeReferralsOutcomeType0",
    "GetMeRegistrationsStatusType0",
    "GetMeResponseMeApiV1MeGet",
    "GetMeSeriesRegistrationsStatusType0",
    "GetOpenreferralOrganizationsOrganizationIdResponseOrganizationInternalV1OpenreferralOrganizationsOrganizationIdGet",
    "GetOpenreferralOrganizationsResponseOrganizationsInternalV1OpenreferralOrganizationsGet",
    "GetOpenreferralServiceAtLocationsResponseServiceAtLocationsInternalV1OpenreferralServiceAtLocationsGet",
    "GetOpenreferralServiceAtLocationsSalIdResponseServiceAtLocationInternalV1OpenreferralServiceAtLocationsSalIdGet",
    "GetOpenreferralServicesResponseServicesInternalV1OpenreferralServicesGet",
    "GetOpenreferralServicesServiceIdResponseServiceInternalV1OpenreferralServicesServiceIdGet",
    "GetOpenreferralTaxonomiesResponseTaxonomiesInternalV1OpenreferralTaxonomiesGet",
    "GetOpenreferralTaxonomiesTaxonomyIdResponseTaxonomyInternalV1OpenreferralTaxonomiesTaxonomyIdGet",
    "GetOpenreferralTaxonomyTermsResponseTaxonomyTermsInternalV1OpenreferralTaxonomyTermsGet",
    "GetOpenreferralTaxonomyTermsTermIdResponseTaxonomyTermInternalV1OpenreferralTaxonomyTermsTermIdGet",
    "GetPartnersKindType0",
    "GetPartnersStatusType0",
    "GetPatronsPatronIdSummaryResponseSummaryApiV1PatronsPatronIdSummaryGet",
    "GetProgramsAgeGroupType0",
    "GetProposalsStateType0",
    "GetReferralsOutcomeType0",
    "GetRegistrationsStatusType0",
    "GetSeriesRegistrationsStatusType0",
    "GetSessionsStatusType0",
    "GuestCodeRequest",
    "GuestCodeSent",
    "GuestSignIn",
    "HoldStatus",
    "HoldView",
    "HostInput",
    "HostInputKind",
    "Hours",
    "HoursLoaned",
    "HoursLoanedReport",
    "ImportResult",
    "ImportResultOutcome",
    "InboxMessage",
    "Indicator",
    "IndicatorCounts",
    "JwksApiV1AuthJwksJsonGetResponseJwksApiV1AuthJwksJsonGet",
    "KitItem",
    "LanternPartnersStorePartnersStatusChange",
    "LanternPartnersStoreReferralsStatusChange",
    "LanternRegistrationApiProgramsHost",
    "LanternRegistrationDomainProgramsHost",
    "LanternRegistrationDomainProgramsHostKind",
    "LanternSharedPaginationPageStatusChange1",
    "LanternSharedPaginationPageStatusChange2",
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
    "NewBooking",
    "NewClosure",
    "NewDevice",
    "NewHold",
    "NewList",
    "NewLoan",
    "NewOffers",
    "NewSpace",
    "NewTrainingReservation",
    "NewTrainingReservationDevices",
    "NoShowPolicy",
    "Offer",
    "OfferStatus",
    "OneToOne",
    "OpeningHours",
    "OutcomeRequest",
    "OutcomeRequestOutcome",
    "Outcomes",
    "OutcomesFollowUps",
    "OverdueRecord",
    "PageAgreement",
    "PageApplicationView",
    "PageBooking",
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
    "PageProposal",
    "PageReferral",
    "PageRegistration",
    "PageReservation",
    "PageSeries",
    "PageSeriesRegistration",
    "PageSession",
    "PageSlot",
    "PageSpace",
    "Partner",
    "PartnerKind",
    "PartnerRecord",
    "PartnerRecordKind",
    "PartnershipsReport",
    "PartnershipsReportActiveAgreementsByKind",
    "PartnershipsReportBenchmarkCoverage",
    "PartnershipsReportDevicesOnLoanByKind",
    "PartnershipsReportEdge10",
    "PartnershipsReportEdge20",
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
    "Pause",
    "PersonalFeed",
    "Place",
    "PlaceKind",
    "PlaceTurnout",
    "PlaceTurnoutKind",
    "PlsFigures",
    "PlsFiguresAttendanceByAgeGroup",
    "PlsFiguresAttendanceByFormat",
    "PlsFiguresAttendanceByFormatAdditionalProperty",
    "PlsFiguresSessionsByAgeGroup",
    "PlsFiguresSessionsByFormat",
    "PlsFiguresSessionsByFormatAdditionalProperty",
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
    "Proposal",
    "ProposalRequest",
    "ProposalState",
    "QuietHours",
    "RecipientView",
    "Referral",
    "ReferralConsent",
    "ReferralLoop",
    "ReferralLoopByOutcome",
    "ReferralLoopStatusReportsByParty",
    "ReferralRequest",
    "RefreshRequest",
    "Registration",
    "RegistrationAttendanceType0",
    "RegistrationBooking",
    "RegistrationCancelReasonType0",
    "RegistrationRequest",
    "RegistrationRules",
    "RegistrationRulesMode",
    "RegistrationRulesStaffOnlyInstructions",
    "RegistrationRulesUnit",
    "RegistrationStatus",
    "RejectRequest",
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
    "Series",
    "SeriesChanges",
    "SeriesChangesAgeGroupType0",
    "SeriesChangesFormatType0",
    "SeriesDetails",
    "SeriesDetailsAgeGroupType0",
    "SeriesDetailsFormatType0",
    "SeriesDetailsTimezone",
    "SeriesRegistration",
    "SeriesRegistrationStatus",
    "SeriesView",
    "Service",
    "ServiceStatus",
    "ServiceVerified",
    "Session",
    "SessionAgeGroupType0",
    "SessionCancellation",
    "SessionChanges",
    "SessionChangesAgeGroupType0",
    "SessionChangesDevicesNeededType0",
    "SessionChangesFormatType0",
    "SessionChangesTimezoneType0",
    "SessionDetails",
    "SessionDetailsAgeGroupType0",
    "SessionDetailsDevicesNeeded",
    "SessionDetailsFormatType0",
    "SessionDetailsTimezone",
    "SessionDevicesMissing",
    "SessionDevicesNeeded",
    "SessionFormat",
    "SessionStatus",
    "SessionTimezone",
    "SignInCode",
    "SkillWish",
    "Slot",
    "SlotAttendanceType0",
    "SlotDetails",
    "SlotDetailsFormat",
    "SlotDetailsHelperRole",
    "SlotDetailsKind",
    "SlotDetailsTimezone",
    "SlotFormat",
    "SlotHelperRole",
    "SlotKind",
    "SlotStatus",
    "SlotTimezone",
    "SmsConsentView",
    "Source",
    "Space",
    "SpaceChanges",
    "SpaceKind",
    "Standing",
    "StateChange",
    "StateChangeRequest",
    "StateChangeRequestToState",
    "Status",
    "StatusChangeRequest",
    "StatusChangeRequestStatus",
    "SubmittedBy",
    "Turnout",
)
