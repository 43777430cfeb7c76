package org.coachroom.lti.internal;

import org.coachroom.lti.Member;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A browser signed in by an LTI launch; its principal is the {@link Member}. */
class MemberAuthentication extends AbstractAuthenticationToken {

	private final Member member;

	MemberAuthentication(Member member) {
		super(member.roles().stream().sorted().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
		this.member = member;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Member getPrincipal() {
		return member;
	}

	@Override
	public String getName() {
		return member.tenant() + ":" + member.subject();
	}

}
