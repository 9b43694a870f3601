""" Contains all the data models used in inputs/outputs """

from .api_token import ApiToken
from .api_token_list import ApiTokenList
from .api_token_role import ApiTokenRole
from .api_token_state import ApiTokenState
from .audit_trail import AuditTrail
from .audit_trail_event import AuditTrailEvent
from .audit_trail_items_item import AuditTrailItemsItem
from .audit_trail_items_item_details import AuditTrailItemsItemDetails
from .counts import Counts
from .data_status import DataStatus
from .data_status_stream_status import DataStatusStreamStatus
from .data_status_stream_status_stream import DataStatusStreamStatusStream
from .dead_letters import DeadLetters
from .dead_letters_items_item import DeadLettersItemsItem
from .dead_letters_items_item_stream import DeadLettersItemsItemStream
from .dead_letters_stream import DeadLettersStream
from .dead_letters_streams import DeadLettersStreams
from .error import Error
from .error_status import ErrorStatus
from .export_csv_kind import ExportCsvKind
from .export_too_large import ExportTooLarge
from .export_too_large_job import ExportTooLargeJob
from .export_too_large_job_href import ExportTooLargeJobHref
from .export_too_large_job_method import ExportTooLargeJobMethod
from .export_too_large_rule import ExportTooLargeRule
from .export_too_large_status import ExportTooLargeStatus
from .failure_reports import FailureReports
from .failure_reports_items_item import FailureReportsItemsItem
from .failure_reports_items_item_contact import FailureReportsItemsItemContact
from .failure_reports_items_item_notifications_item import FailureReportsItemsItemNotificationsItem
from .failure_reports_items_item_notifications_item_channel import FailureReportsItemsItemNotificationsItemChannel
from .filters import Filters
from .health_response import HealthResponse
from .health_response_status import HealthResponseStatus
from .installation_history import InstallationHistory
from .installation_history_deployment import InstallationHistoryDeployment
from .installation_history_environment_deployments import InstallationHistoryEnvironmentDeployments
from .installation_history_health_check_run import InstallationHistoryHealthCheckRun
from .job import Job
from .job_kind import JobKind
from .job_list import JobList
from .job_parameters import JobParameters
from .job_progress import JobProgress
from .job_request import JobRequest
from .job_request_kind import JobRequestKind
from .job_request_name import JobRequestName
from .job_result_type_0 import JobResultType0
from .job_result_type_0_media_type import JobResultType0MediaType
from .job_state import JobState
from .list_jobs_owner import ListJobsOwner
from .login_request import LoginRequest
from .master_key import MasterKey
from .master_key_events_item import MasterKeyEventsItem
from .master_key_events_item_event import MasterKeyEventsItemEvent
from .master_key_reset import MasterKeyReset
from .master_node_export import MasterNodeExport
from .master_node_export_installation_structure_type_0 import MasterNodeExportInstallationStructureType0
from .master_node_export_installation_structure_type_0_structure import MasterNodeExportInstallationStructureType0Structure
from .page import Page
from .page_items_item import PageItemsItem
from .quarantine import Quarantine
from .quarantine_counts_item import QuarantineCountsItem
from .quarantine_samples import QuarantineSamples
from .quarantine_samples_items_item import QuarantineSamplesItemsItem
from .readiness_response import ReadinessResponse
from .readiness_response_checks import ReadinessResponseChecks
from .readiness_response_checks_additional_property import ReadinessResponseChecksAdditionalProperty
from .readiness_response_status import ReadinessResponseStatus
from .report import Report
from .report_bucket_unit import ReportBucketUnit
from .report_buckets_item import ReportBucketsItem
from .report_buckets_item_breakdown import ReportBucketsItemBreakdown
from .report_list import ReportList
from .report_list_reports_item import ReportListReportsItem
from .report_list_reports_item_unit import ReportListReportsItemUnit
from .report_name import ReportName
from .report_unit import ReportUnit
from .report_value_unit import ReportValueUnit
from .search_aggs_item import SearchAggsItem
from .search_kind import SearchKind
from .search_results import SearchResults
from .search_results_aggregations import SearchResultsAggregations
from .search_results_aggregations_additional_property_item import SearchResultsAggregationsAdditionalPropertyItem
from .search_results_hits_item import SearchResultsHitsItem
from .search_results_hits_item_document import SearchResultsHitsItemDocument
from .search_results_kind import SearchResultsKind
from .search_sort import SearchSort
from .session_state import SessionState
from .session_state_mode import SessionStateMode
from .session_state_role import SessionStateRole
from .session_state_via import SessionStateVia
from .summary import Summary
from .token_request import TokenRequest
from .token_request_role import TokenRequestRole

__all__ = (
    "ApiToken",
    "ApiTokenList",
    "ApiTokenRole",
    "ApiTokenState",
    "AuditTrail",
    "AuditTrailEvent",
    "AuditTrailItemsItem",
    "AuditTrailItemsItemDetails",
    "Counts",
    "DataStatus",
    "DataStatusStreamStatus",
    "DataStatusStreamStatusStream",
    "DeadLetters",
    "DeadLettersItemsItem",
    "DeadLettersItemsItemStream",
    "DeadLettersStream",
    "DeadLettersStreams",
    "Error",
    "ErrorStatus",
    "ExportCsvKind",
    "ExportTooLarge",
    "ExportTooLargeJob",
    "ExportTooLargeJobHref",
    "ExportTooLargeJobMethod",
    "ExportTooLargeRule",
    "ExportTooLargeStatus",
    "FailureReports",
    "FailureReportsItemsItem",
    "FailureReportsItemsItemContact",
    "FailureReportsItemsItemNotificationsItem",
    "FailureReportsItemsItemNotificationsItemChannel",
    "Filters",
    "HealthResponse",
    "HealthResponseStatus",
    "InstallationHistory",
    "InstallationHistoryDeployment",
    "InstallationHistoryEnvironmentDeployments",
    "InstallationHistoryHealthCheckRun",
    "Job",
    "JobKind",
    "JobList",
    "JobParameters",
    "JobProgress",
    "JobRequest",
    "JobRequestKind",
    "JobRequestName",
    "JobResultType0",
    "JobResultType0MediaType",
    "JobState",
    "ListJobsOwner",
    "LoginRequest",
    "MasterKey",
    "MasterKeyEventsItem",
    "MasterKeyEventsItemEvent",
    "MasterKeyReset",
    "MasterNodeExport",
    "MasterNodeExportInstallationStructureType0",
    "MasterNodeExportInstallationStructureType0Structure",
    "Page",
    "PageItemsItem",
    "Quarantine",
    "QuarantineCountsItem",
    "QuarantineSamples",
    "QuarantineSamplesItemsItem",
    "ReadinessResponse",
    "ReadinessResponseChecks",
    "ReadinessResponseChecksAdditionalProperty",
    "ReadinessResponseStatus",
    "Report",
    "ReportBucketsItem",
    "ReportBucketsItemBreakdown",
    "ReportBucketUnit",
    "ReportList",
    "ReportListReportsItem",
    "ReportListReportsItemUnit",
    "ReportName",
    "ReportUnit",
    "ReportValueUnit",
    "SearchAggsItem",
    "SearchKind",
    "SearchResults",
    "SearchResultsAggregations",
    "SearchResultsAggregationsAdditionalPropertyItem",
    "SearchResultsHitsItem",
    "SearchResultsHitsItemDocument",
    "SearchResultsKind",
    "SearchSort",
    "SessionState",
    "SessionStateMode",
    "SessionStateRole",
    "SessionStateVia",
    "Summary",
    "TokenRequest",
    "TokenRequestRole",
)
