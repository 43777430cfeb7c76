package org.coachroom.lti.internal;

/** Claim names of LTI 1.3 Core, Deep Linking 2.0, AGS 2.0 and NRPS 2.0. */
final class LtiClaims {

	private LtiClaims() {
	}

	static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	static final String MESSAGE_TYPE = LTI + "message_type";

	static final String VERSION = LTI + "version";

	static final String DEPLOYMENT_ID = LTI + "deployment_id";

	static final String TARGET_LINK_URI = LTI + "target_link_uri";

	static final String RESOURCE_LINK = LTI + "resource_link";

	static final String ROLES = LTI + "roles";

	static final String CONTEXT = LTI + "context";

	static final String CUSTOM = LTI + "custom";

	static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";

	static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

	static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

	static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

	static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

	static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

	static final String SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

	static final String SCOPE_LINEITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";

	static final String SCOPE_RESULT_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";

	static final String SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

	static final String SCOPE_MEMBERSHIPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

}
