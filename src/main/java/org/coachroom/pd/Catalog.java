package org.coachroom.pd;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A district admin's program catalog: the starter catalog's programs and the district's own, edited
 * in a form or imported as a whole JSON file (the starter catalog's format). Every change is
 * recorded with its before and after, and people's standings follow in the background (see
 * {@link CatalogChanged}). Progress is kept by requirement code, so an edit never loses any.
 */
@Service
public class Catalog {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	/** A catalog file holds at most this many programs. */
	static final int MOST_PROGRAMS = 200;

	private final Programs programs;

	private final StarterCatalog starter;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Catalog(Programs programs, StarterCatalog starter, JdbcClient jdbc, JsonMapper json,
			ApplicationEventPublisher events, Clock clock) {
		this.programs = programs;
		this.starter = starter;
		this.jdbc = jdbc;
		this.json = json;
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
			.sorted(Comparator.comparing(Program::isArchived).thenComparing(Program::getTitle, String.CASE_INSENSITIVE_ORDER))
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
		catch (org.springframework.dao.DuplicateKeyException e) {
			// made at the same moment by someone else
			throw new CodeTakenException(definition.code());
		}
		record(tenant, definition.code(), admin.userId(), now, "CREATED", null, definition);
		events.publishEvent(new CatalogChanged(tenant));
		return saved;
	}

	/** Saves an edit made on the program as it was at {@code version}. */
	@Transactional
	public Program update(Member admin, String code, Program.Definition definition, Integer version) {
		long tenant = require(admin);
		Program program = programs.findByTenantIdAndCode(tenant, code).orElseThrow(() -> new ProgramNotFoundException(code));
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
		catch (org.springframework.dao.OptimisticLockingFailureException e) {
			throw new EditConflictException(code);
		}
		record(tenant, code, admin.userId(), now, "EDITED", before, definition);
		events.publishEvent(new CatalogChanged(tenant));
		return saved;
	}

	@Transactional
	public void archive(Member admin, String code, boolean archived) {
		long tenant = require(admin);
		Program program = programs.findByTenantIdAndCode(tenant, code).orElseThrow(() -> new ProgramNotFoundException(code));
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
		record(tenant, code, admin.userId(), now, archived ? "ARCHIVED" : "RESTORED", null, null);
		events.publishEvent(new CatalogChanged(tenant));
	}

	/** The district's catalog as a file in the starter catalog's format, archived programs left out. */
	@Transactional
	public byte[] export(Member admin) {
		require(admin);
		List<Program.Definition> definitions = programs(admin).stream()
			.filter(p -> !p.isArchived())
			.map(Program::definition)
			.toList();
		return json.writerWithDefaultPrettyPrinter()
			.writeValueAsBytes(new StarterCatalog.CatalogFile("district-" + clock.instant().toString().substring(0, 10),
					definitions));
	}

	/** What an import did, or why it did nothing. */
	public record ImportResult(int created, int updated, List<String> errors) {

		public boolean refused() {
			return !errors.isEmpty();
		}
	}

	/**
	 * Reads a whole catalog file and creates or updates each program in it by code, all or nothing:
	 * any error in any program and nothing is saved. Programs the file leaves out stay as they are.
	 */
	@Transactional
	public ImportResult importFile(Member admin, byte[] file) {
		long tenant = require(admin);
		List<String> errors = new ArrayList<>();
		List<Program.Definition> definitions = new ArrayList<>();
		JsonNode root;
		try {
			root = json.readTree(file);
		}
		catch (JacksonException e) {
			return new ImportResult(0, 0, List.of("The file is not JSON (" + e.getOriginalMessage() + ")"));
		}
		if (root == null || !root.isObject() || !root.path("programs").isArray()) {
			return new ImportResult(0, 0, List.of("The file needs a \"programs\" list, as the exported catalog has"));
		}
		JsonNode list = root.path("programs");
		if (list.size() == 0 || list.size() > MOST_PROGRAMS) {
			return new ImportResult(0, 0, List.of("A catalog file holds from 1 to " + MOST_PROGRAMS + " programs"));
		}
		Set<String> codes = new HashSet<>();
		var reader = json.readerFor(Program.Definition.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		for (int i = 0; i < list.size(); i++) {
			String at = "programs[" + i + "]";
			if (!list.get(i).isObject()) {
				errors.add(at + ": a program is an object with a code, a title and requirements");
				continue;
			}
			try {
				Program.Definition d = reader.readValue(list.get(i));
				if (!codes.add(d.code())) {
					errors.add(at + ": the code " + d.code() + " is in the file twice");
				}
				definitions.add(d);
			}
			catch (DatabindException e) {
				errors.add(at + path(e) + ": " + reason(e));
			}
			catch (JacksonException | IllegalArgumentException e) {
				errors.add(at + ": " + reason(e));
			}
		}
		if (!errors.isEmpty()) {
			log.info("PD catalog import refused for tenant {}: {} errors, first: {}", tenant, errors.size(), errors.get(0));
			return new ImportResult(0, 0, List.copyOf(errors));
		}
		Instant now = clock.instant();
		int created = 0;
		int updated = 0;
		for (Program.Definition d : definitions) {
			Optional<Program> existing = programs.findByTenantIdAndCode(tenant, d.code());
			if (existing.isPresent()) {
				Program.Definition before = existing.get().definition();
				if (before.equals(d)) {
					continue;
				}
				existing.get().redefine(d, now);
				programs.save(existing.get());
				record(tenant, d.code(), admin.userId(), now, "IMPORTED", before, d);
				updated++;
			}
			else {
				programs.save(Program.define(tenant, d, null, now));
				record(tenant, d.code(), admin.userId(), now, "IMPORTED", null, d);
				created++;
			}
		}
		log.info("PD catalog imported for tenant {} by {}: {} created, {} updated", tenant, admin.userId(), created,
				updated);
		if (created + updated > 0) {
			events.publishEvent(new CatalogChanged(tenant));
		}
		return new ImportResult(created, updated, List.of());
	}

	/** One change to the catalog: who, what, when, before and after (as catalog JSON). */
	public record Change(Instant at, String programCode, String actor, String action, String before, String after) {
	}

	@Transactional
	public List<Change> changes(Member admin, int limit) {
		long tenant = require(admin);
		return jdbc.sql("""
				SELECT c.at, c.program_code, COALESCE(u.name, '?'), c.action, c.before_value, c.after_value
				FROM pd_catalog_change c LEFT JOIN lti_user u ON u.id = c.actor
				WHERE c.tenant_id = ? ORDER BY c.at DESC, c.id DESC LIMIT ?""")
			.params(tenant, limit)
			.query((rs, i) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	private void record(long tenant, String code, long actor, Instant at, String action, Program.Definition before,
			Program.Definition after) {
		jdbc.sql("""
				INSERT INTO pd_catalog_change (tenant_id, program_code, actor, at, action, before_value, after_value)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant, code, actor, Timestamp.from(at), action, before == null ? null : json.writeValueAsString(before),
					after == null ? null : json.writeValueAsString(after))
			.update();
	}

	private long require(Member admin) {
		if (!manages(admin)) {
			throw new ProgramNotFoundException("catalog");
		}
		long tenant = admin.tenant().value();
		starter.ensureImported(tenant);
		return tenant;
	}

	/** Where in a program an error is: .requirements[3].hours */
	private static String path(DatabindException e) {
		StringBuilder at = new StringBuilder();
		for (var ref : e.getPath()) {
			if (ref.getPropertyName() != null) {
				at.append('.').append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				at.append('[').append(ref.getIndex()).append(']');
			}
		}
		return at.toString();
	}

	/** The rule a value broke, in the rule's own words where it has them. */
	private static String reason(Exception e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause instanceof IllegalArgumentException ? cause.getMessage()
				: e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
		message = message == null ? "not valid" : message.replaceAll("\\s+", " ");
		return message.length() > 300 ? message.substring(0, 300) + "…" : message;
	}
}
