package org.coachroom.coaching.report;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface StaffReports extends ListCrudRepository<StaffReport, Long> {

	Optional<StaffReport> findFirstByTenantIdAndCoachRefAndPeriodStartOrderByEditionDesc(long tenantId, long coachRef,
			LocalDate periodStart);

}
