/**
 * LTI 1.3 protocol: platform registrations and deployments, OIDC login, id_token
 * validation, tool keys, dynamic registration, role mapping and the signed-in
 * {@link org.coachroom.lti.Member}. Knows nothing of coaching; it could be lifted out as
 * a library.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LTI 1.3")
package org.coachroom.lti;
