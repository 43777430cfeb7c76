package org.coachroom.pd.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.Member;
import org.coachroom.pd.ProgramNotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A district admin's program catalog: the starter catalog's programs and the district's
 * own, edited in a form (a whole file is {@link CatalogFiles}'). Every change is recorded
 * with its before and after, and people's standings follow in the background (see
 * {@link CatalogChanged}). Progress is kept by requirement code, so an edit never loses
 * any.
 */
@Service
public class Catalog {

	private final Programs programs;

	private final StarterCatalog starter;

	private final CatalogHistory history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Catalog(Programs programs, StarterCatalog starter, CatalogHistory history, ApplicationEventPublisher events,
			Clock clock) {
		this.programs = programs;
		this.starter = starter;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/** Whether this person manages the district's catalog. */
	public static boolean manages(Member member) {
		return member.hasRole(CoachroomRole.DISTRICT_ADMIN);
	}

	/** Every program of the district, archived ones last. */
	@Transactional
	public List<Program> programs(Member admin) {
		long tenant = require(admin);
		return programs.findByTenantId(tenant)
			.stream()
			.sorted(Comparator.comparing(Program::isArchived)
				.thenComparing(Program::getTitle, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	@Transactional
	public Program program(Member admin, String code) {
		long tenant = require(admin);
		return programs.findByTenantIdAndCode(tenant, code).orElseThrow(() -> new ProgramNotFoundException(code));
	}

	/** Thrown when a new program's code is taken. */
	public static class CodeTakenException extends RuntimeException {

		CodeTakenException(String code) {
			super(code);
		}

	}

	/** Thrown when someone else saved the program since the form was opened. */
	public static class EditConflictException extends RuntimeException {

		EditConflictException(String code) {
			super(code);
		}

	}

	@Transactional
	public Program create(Member admin, Program.Definition definition) {
		long tenant = require(admin);
		if (programs.findByTenantIdAndCode(tenant, definition.code()).isPresent()) {
			throw new CodeTakenException(definition.code());
		}
		Instant now = clock.instant();
		Program saved;
		try {
			saved = programs.save(Program.define(tenant, definition, null, now));
		}
		catch (DuplicateKeyException e) {
			// made at the same moment by someone else
			throw new CodeTakenException(definition.code());
		}
		history.record(tenant, definition.code(), admin.userId(), now, "CREATED", null, definition);
		events.publishEvent(new CatalogChanged(tenant));
		return saved;
	}

	/** Saves an edit made on the program as it was at {@code version}. */
	@Transactional
	public Program update(Member admin, String code, Program.Definition definition, Integer version) {
		long tenant = require(admin);
		Program program = programs.findByTenantIdAndCode(tenant, code)
			.orElseThrow(() -> new ProgramNotFoundException(code));
		if (version == null || !version.equals(program.getVersion())) {
			throw new EditConflictException(code);
		}
		Program.Definition before = program.definition();
		Instant now = clock.instant();
		program.redefine(definition, now);
		Program saved;
		try {
			saved = programs.save(program);
		}
		catch (OptimisticLockingFailureException e) {
			throw new EditConflictException(code);
		}
		history.record(tenant, code, admin.userId(), now, "EDITED", before, definition);
		events.publishEvent(new CatalogChanged(tenant));
		return saved;
	}

	@Transactional
	public void archive(Member admin, String code, boolean archived) {
		long tenant = require(admin);
		Program program = programs.findByTenantIdAndCode(tenant, code)
			.orElseThrow(() -> new ProgramNotFoundException(code));
		if (program.isArchived() == archived) {
			return;
		}
		Instant now = clock.instant();
		if (archived) {
			program.archive(now);
		}
		else {
			program.restore(now);
		}
		programs.save(program);
		history.record(tenant, code, admin.userId(), now, archived ? "ARCHIVED" : "RESTORED", null, null);
		events.publishEvent(new CatalogChanged(tenant));
	}

	@Transactional
	public List<CatalogHistory.Change> changes(Member admin, int limit) {
		return history.changes(require(admin), limit);
	}

	long require(Member admin) {
		if (!manages(admin)) {
			throw ProgramNotFoundException.page("catalog");
		}
		long tenant = admin.tenant().value();
		starter.ensureImported(tenant);
		return tenant;
	}

}
