package org.coachroom.pd.catalog;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.data.relational.core.mapping.event.AbstractRelationalEventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The district's programs in use, kept in memory for a short while: every teacher's home
 * page weighs each of them against the person's profile, and reading the catalog's
 * aggregates afresh was most of that page's cost. A program saved on this node is seen at
 * once (the saved list is dropped, again when its transaction ends); one saved on another
 * node after at most {@link #KEPT}. Callers read these programs, never change them.
 */
@Component
public class ActivePrograms extends AbstractRelationalEventListener<Program> {

	static final Duration KEPT = Duration.ofSeconds(30);

	private final Programs programs;

	private final Cache<Long, List<Program>> byTenant = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(KEPT)
		.build();

	ActivePrograms(Programs programs) {
		this.programs = programs;
	}

	/** The tenant's programs not archived, by title. */
	public List<Program> of(long tenantId) {
		return byTenant.get(tenantId, t -> List.copyOf(programs.findByTenantIdAndArchivedFalseOrderByTitle(t)));
	}

	@Override
	protected void onAfterSave(AfterSaveEvent<Program> event) {
		forget();
	}

	@Override
	protected void onAfterDelete(AfterDeleteEvent<Program> event) {
		forget();
	}

	private void forget() {
		byTenant.invalidateAll();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// a page read between the save and its commit may have kept the old list
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					byTenant.invalidateAll();
				}
			});
		}
	}

}
