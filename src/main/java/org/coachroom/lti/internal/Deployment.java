package org.coachroom.lti.internal;

import java.time.Instant;

import org.coachroom.shared.TenantId;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Table;

/** One installation of Coachroom in a platform: the tenant all domain rows belong to. */
@Table("lti_deployment")
public class Deployment {

	@Id
	private Long id;

	private AggregateReference<Platform, Long> platformId;

	private String deploymentId;

	private String name;

	private Instant createdAt;

	Deployment() {
	}

	static Deployment of(long platformId, String deploymentId, Instant now) {
		Deployment d = new Deployment();
		d.platformId = AggregateReference.to(platformId);
		d.deploymentId = deploymentId;
		d.createdAt = now;
		return d;
	}

	public TenantId tenant() {
		return new TenantId(id);
	}

	public long platformId() {
		return platformId.getId();
	}

	public String deploymentId() {
		return deploymentId;
	}

	public String name() {
		return name;
	}

}
