package org.coachroom.studygroup.web;

import java.io.IOException;

import org.coachroom.lti.Member;
import org.coachroom.shared.web.Attachment;
import org.coachroom.studygroup.FileRejectedException;
import org.coachroom.studygroup.GroupNotFoundException;
import org.coachroom.studygroup.files.FileSharing;
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

/** Files shared with a group. */
@Controller
class GroupFileController {

	private static final Logger log = LoggerFactory.getLogger(GroupFileController.class);

	private final FileSharing files;

	GroupFileController(FileSharing files) {
		this.files = files;
	}

	@PostMapping("/groups/{id}/files")
	String shareFile(@AuthenticationPrincipal Member member, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			files.shareFile(member, id, file == null ? null : file.getOriginalFilename(),
					file == null ? null : file.getBytes());
			redirect.addFlashAttribute("message", "studygroup.flash.file-shared");
		}
		catch (FileRejectedException e) {
			log.info("Upload to study group {} refused: {}", id, e.reason());
			// the page lands at #files: the refusal is shown beside the file field, in
			// view
			redirect.addFlashAttribute("fileError", "studygroup.file." + e.reason().name());
		}
		return "redirect:/groups/" + id + "#files";
	}

	@GetMapping("/groups/{id}/files/{fileId}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal Member member, @PathVariable long id,
			@PathVariable long fileId) {
		FileSharing.Download file = files.download(member, id, fileId)
			.orElseThrow(() -> new GroupNotFoundException(id));
		return Attachment.of(file.name(), file.contentType(), file.content());
	}

	@PostMapping("/groups/{id}/files/{fileId}/delete")
	String removeFile(@AuthenticationPrincipal Member member, @PathVariable long id, @PathVariable long fileId,
			RedirectAttributes redirect) {
		files.removeFile(member, id, fileId);
		redirect.addFlashAttribute("message", "studygroup.flash.file-removed");
		return "redirect:/groups/" + id + "#files";
	}

}
