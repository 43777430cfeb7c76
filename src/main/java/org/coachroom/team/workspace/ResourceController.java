package org.coachroom.team.workspace;

import java.io.IOException;

import org.coachroom.lti.Member;
import org.coachroom.shared.web.Attachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The links and files a team shares: shared, downloaded, taken away. */
@Controller
class ResourceController {

	private static final Logger log = LoggerFactory.getLogger(ResourceController.class);

	private final ResourceSharing resources;

	ResourceController(ResourceSharing resources) {
		this.resources = resources;
	}

	@PostMapping("/team/{id}/links")
	String shareLink(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String url,
			RedirectAttributes redirect) {
		try {
			resources.shareLink(member, id, title, url);
			redirect.addFlashAttribute("message", "team.flash.link-shared");
		}
		catch (TeamInputException e) {
			log.info("Team link refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/team/" + id + "#resources";
	}

	@PostMapping("/team/{id}/files")
	String shareFile(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			resources.shareFile(member, id, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes());
			redirect.addFlashAttribute("message", "team.flash.file-shared");
		}
		catch (TeamInputException e) {
			log.info("Team file refused: {}", e.getMessage());
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/team/" + id + "#resources";
	}

	@GetMapping("/team/{id}/files/{resourceId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal Member member, @PathVariable long id,
			@PathVariable long resourceId) {
		ResourceSharing.Download file = resources.download(member, id, resourceId);
		return Attachment.of(file.name(), file.contentType(), file.content());
	}

	@PostMapping("/team/{id}/resources/{resourceId}/delete")
	String removeResource(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long resourceId,
			RedirectAttributes redirect) {
		resources.removeResource(member, id, resourceId);
		redirect.addFlashAttribute("message", "team.flash.resource-removed");
		return "redirect:/team/" + id + "#resources";
	}

}
