""" Contains all the data models used in inputs/outputs """

from .action_log_body import ActionLogBody
from .action_log_body_action_type import ActionLogBodyActionType
from .action_log_body_additional_info import ActionLogBodyAdditionalInfo
from .action_logs_request import ActionLogsRequest
from .action_logs_request_action_logs_item import ActionLogsRequestActionLogsItem
from .action_logs_response import ActionLogsResponse
from .action_logs_response_action_logs_item import ActionLogsResponseActionLogsItem
from .action_logs_response_action_logs_item_status import ActionLogsResponseActionLogsItemStatus
from .action_logs_response_status import ActionLogsResponseStatus
from .cluster import Cluster
from .cluster_attributes import ClusterAttributes
from .cluster_installed_plugins_item import ClusterInstalledPluginsItem
from .cluster_network_configuration import ClusterNetworkConfiguration
from .cluster_nodes_item import ClusterNodesItem
from .cluster_nodes_item_meta import ClusterNodesItemMeta
from .cluster_release import ClusterRelease
from .cluster_vmware_attributes import ClusterVmwareAttributes
from .error import Error
from .error_status import ErrorStatus
from .failure_report_request import FailureReportRequest
from .failure_report_request_failure_report import FailureReportRequestFailureReport
from .failure_report_request_failure_report_action_log import FailureReportRequestFailureReportActionLog
from .failure_report_request_failure_report_contact_type_0 import FailureReportRequestFailureReportContactType0
from .failure_report_request_failure_report_installation import FailureReportRequestFailureReportInstallation
from .failure_report_request_failure_report_installation_environment import FailureReportRequestFailureReportInstallationEnvironment
from .failure_report_request_failure_report_installation_fuel_release import FailureReportRequestFailureReportInstallationFuelRelease
from .failure_report_request_failure_report_task import FailureReportRequestFailureReportTask
from .failure_report_request_failure_report_task_status import FailureReportRequestFailureReportTaskStatus
from .failure_report_response import FailureReportResponse
from .failure_report_response_action_log import FailureReportResponseActionLog
from .failure_report_response_report import FailureReportResponseReport
from .failure_report_response_status import FailureReportResponseStatus
from .health_response import HealthResponse
from .health_response_status import HealthResponseStatus
from .installation_structure import InstallationStructure
from .installation_structure_fuel_release import InstallationStructureFuelRelease
from .installation_structure_request import InstallationStructureRequest
from .installation_structure_user_information import InstallationStructureUserInformation
from .master_key_request import MasterKeyRequest
from .master_key_response import MasterKeyResponse
from .master_key_response_enrolment import MasterKeyResponseEnrolment
from .master_key_response_status import MasterKeyResponseStatus
from .ok_response import OkResponse
from .ok_response_status import OkResponseStatus
from .oswl_stats_request import OswlStatsRequest
from .oswl_stats_request_oswl_record import OswlStatsRequestOswlRecord
from .oswl_stats_request_oswl_record_resource_data import OswlStatsRequestOswlRecordResourceData
from .oswl_stats_request_oswl_record_version_info_type_0 import OswlStatsRequestOswlRecordVersionInfoType0
from .oswl_stats_response import OswlStatsResponse
from .oswl_stats_response_oswl_stats_item import OswlStatsResponseOswlStatsItem
from .oswl_stats_response_oswl_stats_item_status import OswlStatsResponseOswlStatsItemStatus
from .oswl_stats_response_status import OswlStatsResponseStatus
from .ping_response import PingResponse
from .ping_response_status import PingResponseStatus
from .readiness_response import ReadinessResponse
from .readiness_response_checks import ReadinessResponseChecks
from .readiness_response_checks_additional_property import ReadinessResponseChecksAdditionalProperty
from .readiness_response_status import ReadinessResponseStatus

__all__ = (
    "ActionLogBody",
    "ActionLogBodyActionType",
    "ActionLogBodyAdditionalInfo",
    "ActionLogsRequest",
    "ActionLogsRequestActionLogsItem",
    "ActionLogsResponse",
    "ActionLogsResponseActionLogsItem",
    "ActionLogsResponseActionLogsItemStatus",
    "ActionLogsResponseStatus",
    "Cluster",
    "ClusterAttributes",
    "ClusterInstalledPluginsItem",
    "ClusterNetworkConfiguration",
    "ClusterNodesItem",
    "ClusterNodesItemMeta",
    "ClusterRelease",
    "ClusterVmwareAttributes",
    "Error",
    "ErrorStatus",
    "FailureReportRequest",
    "FailureReportRequestFailureReport",
    "FailureReportRequestFailureReportActionLog",
    "FailureReportRequestFailureReportContactType0",
    "FailureReportRequestFailureReportInstallation",
    "FailureReportRequestFailureReportInstallationEnvironment",
    "FailureReportRequestFailureReportInstallationFuelRelease",
    "FailureReportRequestFailureReportTask",
    "FailureReportRequestFailureReportTaskStatus",
    "FailureReportResponse",
    "FailureReportResponseActionLog",
    "FailureReportResponseReport",
    "FailureReportResponseStatus",
    "HealthResponse",
    "HealthResponseStatus",
    "InstallationStructure",
    "InstallationStructureFuelRelease",
    "InstallationStructureRequest",
    "InstallationStructureUserInformation",
    "MasterKeyRequest",
    "MasterKeyResponse",
    "MasterKeyResponseEnrolment",
    "MasterKeyResponseStatus",
    "OkResponse",
    "OkResponseStatus",
    "OswlStatsRequest",
    "OswlStatsRequestOswlRecord",
    "OswlStatsRequestOswlRecordResourceData",
    "OswlStatsRequestOswlRecordVersionInfoType0",
    "OswlStatsResponse",
    "OswlStatsResponseOswlStatsItem",
    "OswlStatsResponseOswlStatsItemStatus",
    "OswlStatsResponseStatus",
    "PingResponse",
    "PingResponseStatus",
    "ReadinessResponse",
    "ReadinessResponseChecks",
    "ReadinessResponseChecksAdditionalProperty",
    "ReadinessResponseStatus",
)
