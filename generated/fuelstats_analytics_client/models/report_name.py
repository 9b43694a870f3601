from enum import StrEnum

class ReportName(StrEnum):
    ALLOCATED_NODES_PER_INSTALLATION = "allocated_nodes_per_installation"
    COMPONENTS = "components"
    DEPLOYMENT_FAILURES = "deployment_failures"
    DEPLOYMENT_MODES = "deployment_modes"
    DEPLOYMENT_TIME = "deployment_time"
    ENVIRONMENTS_PER_INSTALLATION = "environments_per_installation"
    HARDWARE = "hardware"
    HEALTH_CHECKS = "health_checks"
    HYPERVISORS = "hypervisors"
    INSTALLATIONS_OVER_TIME = "installations_over_time"
    NETWORK_TYPES = "network_types"
    NODES_PER_INSTALLATION = "nodes_per_installation"
    NODE_ROLES = "node_roles"
    OPERATING_SYSTEMS = "operating_systems"
    PLUGINS = "plugins"
    RELEASES = "releases"
    RELEASE_VERSIONS = "release_versions"
    STORAGE = "storage"

    def __str__(self) -> str:
        return str(self.value)
