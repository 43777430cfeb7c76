package org.coachroom.pd.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.Member;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The district's catalog as a whole file (the starter catalog's JSON format): exported,
 * and imported all or nothing, each program created or updated by its code.
 */
@Service
public class CatalogFiles {

	private static final Logger log = LoggerFactory.getLogger(CatalogFiles.class);

	/** A catalog file holds at most this many programs. */
	static final int MOST_PROGRAMS = 200;

	private final Catalog catalog;

	private final Programs programs;

	private final CatalogHistory history;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CatalogFiles(Catalog catalog, Programs programs, CatalogHistory history, JsonMapper json,
			ApplicationEventPublisher events, Clock clock) {
		this.catalog = catalog;
		this.programs = programs;
		this.history = history;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The district's catalog as a file in the starter catalog's format, archived programs
	 * left out.
	 */
	@Transactional
	public byte[] export(Member admin) {
		catalog.require(admin);
		List<Program.Definition> definitions = catalog.programs(admin)
			.stream()
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
	 * Reads a whole catalog file and creates or updates each program in it by code, all
	 * or nothing: any error in any program and nothing is saved. Programs the file leaves
	 * out stay as they are.
	 */
	@Transactional
	public ImportResult importFile(Member admin, byte[] file) {
		long tenant = catalog.require(admin);
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
			log.info("PD catalog import refused for tenant {}: {} errors, first: {}", tenant, errors.size(),
					errors.get(0));
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
				history.record(tenant, d.code(), admin.userId(), now, "IMPORTED", before, d);
				updated++;
			}
			else {
				programs.save(Program.define(tenant, d, null, now));
				history.record(tenant, d.code(), admin.userId(), now, "IMPORTED", null, d);
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
