package io.jiangxin.storage;

import io.jiangxin.problem.ErrorCode;
import java.util.Map;

/** The service platform's constraint names, as {@link Constraints} does for the registry: 409 duplicates. */
final class ServiceConstraints {

    private static Constraints.Meaning meaning(ErrorCode code, String field, String message) {
        return new Constraints.Meaning(code, field, message);
    }

    private static final Map<String, Constraints.Meaning> MEANINGS = Map.ofEntries(
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
                    "该工匠已在资源清单 / the craftsman is already listed")),
            Map.entry("service_platform_pkey", Constraints.Meaning.id()),
            Map.entry("service_chain_pkey", Constraints.Meaning.id()),
            Map.entry("service_team_pkey", Constraints.Meaning.id()),
            Map.entry("service_need_pkey", Constraints.Meaning.id()),
            Map.entry("service_order_pkey", Constraints.Meaning.id()),
            Map.entry("service_transition_pkey", Constraints.Meaning.id()),
            // V31: an uploaded file's generated id; no other unique index
            Map.entry("service_file_pkey", Constraints.Meaning.id()));

    private ServiceConstraints() {
    }

    static Constraints.Meaning meaningOf(String constraint) {
        return MEANINGS.get(constraint);
    }
}
