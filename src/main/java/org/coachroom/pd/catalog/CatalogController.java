package org.coachroom.pd.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.lti.Member;
import org.coachroom.pd.SchoolLevel;
import org.coachroom.pd.Schools;
import org.coachroom.pd.tracking.PdCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The district admin's catalog: programs listed, edited in a form, added, archived and
 * restored, and the whole catalog exported and imported as JSON. Anyone else gets the PD
 * 404 page.
 */
@Controller
class CatalogController {

	private static final Logger log = LoggerFactory.getLogger(CatalogController.class);

	/** A catalog file is text; the starter catalog is about 20 kB. */
	static final long LARGEST_FILE = 1024 * 1024;

	private final Catalog catalog;

	private final CatalogFiles files;

	private final PdCalendar calendar;

	private final Schools schools;

	CatalogController(Catalog catalog, CatalogFiles files, PdCalendar calendar, Schools schools) {
		this.catalog = catalog;
		this.files = files;
		this.calendar = calendar;
		this.schools = schools;
	}

	/**
	 * A form no page of ours sends (a row index past the limit, an index that is no
	 * number) fails while it is read, before any check: a 400 with a log line, never a
	 * stack trace.
	 */
	@ExceptionHandler({ IndexOutOfBoundsException.class, NumberFormatException.class, BeansException.class })
	void unreadableForm(Exception e, HttpServletResponse response) throws IOException {
		log.info("PD catalog form unreadable: {}", e.getClass().getSimpleName());
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("deadlineKinds", DeadlineRule.Kind.values());
		model.addAttribute("kinds", RequirementKind.values());
		model.addAttribute("obligations", Obligation.values());
		model.addAttribute("audiences", Audience.values());
		model.addAttribute("levels", SchoolLevel.values());
		model.addAttribute("zone", calendar.zone());
	}

	@GetMapping("/pd/catalog")
	String list(@AuthenticationPrincipal Member member, Model model) {
		model.addAttribute("programs", catalog.programs(member));
		model.addAttribute("changes", catalog.changes(member, 20));
		model.addAttribute("schools", schools.all(member.tenant().value()));
		return "pd/catalog";
	}

	@GetMapping("/pd/catalog/new")
	String initCreate(@AuthenticationPrincipal Member member, Model model) {
		catalog.programs(member);
		model.addAttribute("form", ProgramForm.blank());
		model.addAttribute("program", null);
		return "pd/catalog-edit";
	}

	@PostMapping("/pd/catalog/new")
	String processCreate(@AuthenticationPrincipal Member member, @ModelAttribute("form") ProgramForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		catalog.programs(member);
		requireReadable(result);
		Program.Definition definition = form.toDefinition(null, result);
		if (definition != null) {
			try {
				Program saved = catalog.create(member, definition);
				redirect.addFlashAttribute("message", "pd.catalog.flash.created");
				return "redirect:/pd/catalog/" + saved.getCode();
			}
			catch (Catalog.CodeTakenException e) {
				result.rejectValue("code", "pd.catalog.form.program-code-taken");
			}
		}
		log.info("PD program refused for {}: {}", member.subject(), codes(result));
		model.addAttribute("program", null);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "pd/catalog-edit";
	}

	/**
	 * A form whose values could not even make a form (a version that is no number): no
	 * page of ours sends one, so a 400 with a log line, as for the other unreadable
	 * forms, not a page of field errors.
	 */
	private static void requireReadable(BindingResult result) {
		if (result.getTarget() == null) {
			log.info("PD catalog form unreadable: {}", codes(result));
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	/** The fields refused and why, for the log line (never the values typed). */
	private static List<String> codes(BindingResult result) {
		return result.getAllErrors()
			.stream()
			.map(e -> (e instanceof FieldError f ? f.getField() + ":" : "") + e.getCode())
			.toList();
	}

	@GetMapping("/pd/catalog/{code}")
	String initEdit(@AuthenticationPrincipal Member member, @PathVariable String code, Model model) {
		Program program = catalog.program(member, code);
		model.addAttribute("program", program);
		model.addAttribute("form", ProgramForm.of(program));
		return "pd/catalog-edit";
	}

	@PostMapping("/pd/catalog/{code}")
	String processEdit(@AuthenticationPrincipal Member member, @PathVariable String code,
			@ModelAttribute("form") ProgramForm form, BindingResult result, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Program program = catalog.program(member, code);
		requireReadable(result);
		Program.Definition definition = form.toDefinition(program.getCode(), result);
		if (definition != null) {
			try {
				catalog.update(member, code, definition, form.version());
				redirect.addFlashAttribute("message", "pd.catalog.flash.saved");
				return "redirect:/pd/catalog/" + UriUtils.encodePathSegment(program.getCode(), StandardCharsets.UTF_8);
			}
			catch (Catalog.EditConflictException e) {
				result.reject("pd.catalog.form.conflict");
			}
		}
		log.info("PD program {} edit refused for {}: {}", code, member.subject(), codes(result));
		model.addAttribute("program", program);
		response
			.setStatus(result.getGlobalErrors().stream().anyMatch(e -> "pd.catalog.form.conflict".equals(e.getCode()))
					? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
		return "pd/catalog-edit";
	}

	@PostMapping("/pd/catalog/{code}/archive")
	String archive(@AuthenticationPrincipal Member member, @PathVariable String code,
			@RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
		catalog.archive(member, code, archived);
		redirect.addFlashAttribute("message", archived ? "pd.catalog.flash.archived" : "pd.catalog.flash.restored");
		return "redirect:/pd/catalog";
	}

	@GetMapping("/pd/catalog.json")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Member member) {
		byte[] file = files.export(member);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("pd-catalog.json").build().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.body(file);
	}

	@PostMapping("/pd/catalog/import")
	String importFile(@AuthenticationPrincipal Member member, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		catalog.programs(member);
		CatalogFiles.ImportResult result;
		if (file == null || file.isEmpty()) {
			result = new CatalogFiles.ImportResult(0, 0, List.of("Choose a catalog file (JSON) to import"));
		}
		else if (file.getSize() > LARGEST_FILE) {
			result = new CatalogFiles.ImportResult(0, 0, List.of("A catalog file is at most 1 MB"));
		}
		else {
			result = files.importFile(member, file.getBytes());
		}
		if (result.refused()) {
			log.info("PD catalog import refused for {}: {}", member.subject(), result.errors().get(0));
			model.addAttribute("programs", catalog.programs(member));
			model.addAttribute("changes", catalog.changes(member, 20));
			model.addAttribute("importErrors", result.errors());
			model.addAttribute("schools", schools.all(member.tenant().value()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "pd/catalog";
		}
		redirect.addFlashAttribute("message", "pd.catalog.flash.imported");
		redirect.addFlashAttribute("created", result.created());
		redirect.addFlashAttribute("updated", result.updated());
		return "redirect:/pd/catalog";
	}

}
