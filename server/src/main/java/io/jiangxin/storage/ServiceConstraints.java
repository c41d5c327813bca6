package io.jiangxin.storage;

import static io.jiangxin.storage.Constraints.Meaning.meaning;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.storage.Constraints.Meaning;
import java.util.Map;

/** The service platform's constraint names, as {@link Constraints} does for the registry: 409 duplicates. */
final class ServiceConstraints {

    static final Map<String, Meaning> MEANINGS = Constraints.withIdentityKeys(Map.ofEntries(
            Map.entry("service_platform_name_key", meaning(ErrorCode.DUPLICATE_PLATFORM, "name",
                    "平台名称已存在 / a platform with this name exists")),
            Map.entry("service_platform_union_org_id_key", meaning(ErrorCode.DUPLICATE_PLATFORM, "unionOrganizationId",
                    "该工会已有平台 / this union already has a platform")),
            Map.entry("service_chain_name_once", meaning(ErrorCode.DUPLICATE_CHAIN, "name",
                    "该平台已有同名产业链 / the platform has a chain of this name")),
            Map.entry("service_team_name_once", meaning(ErrorCode.DUPLICATE_TEAM, "name",
                    "该平台已有同名服务分队 / the platform has a team of this name")),
            Map.entry("service_enterprise_pkey", meaning(ErrorCode.DUPLICATE_ENTERPRISE, "organizationId",
                    "该企业已在平台登记 / the enterprise is already registered")),
            Map.entry("service_expert_pkey", meaning(ErrorCode.DUPLICATE_EXPERT, "personId",
                    "该工匠已在资源清单 / the craftsman is already listed"))),
            // identity keys, V31's uploaded file included (hardening: conflicts as conflicts)
            "service_platform_pkey", "service_chain_pkey", "service_team_pkey", "service_need_pkey",
            "service_order_pkey", "service_transition_pkey", "service_file_pkey");

    private ServiceConstraints() {
    }
}
