package org.coachroom.team.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.coachroom.lti.Member;
import org.coachroom.shared.FileType;
import org.coachroom.shared.SharedProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's shared links and files: shared, listed without their bytes, downloaded,
 * taken away.
 */
@Service
public class ResourceSharing {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]{1,1990}");

	private final TeamAccess access;

	private final SharedResources resources;

	private final Clock clock;

	private final long maxFileBytes;

	ResourceSharing(TeamAccess access, SharedResources resources, Clock clock, SharedProperties shared) {
		this.access = access;
		this.resources = resources;
		this.clock = clock;
		this.maxFileBytes = shared.uploads().maxBytes();
	}

	/** A shared link or file as the list shows it. */
	public record Resource(long id, String kind, String title, String url, String contentType, Long sizeBytes,
			long addedBy, Instant addedAt) {

		public boolean isFile() {
			return "FILE".equals(kind);
		}
	}

	/** A file to send to a browser. */
	public record Download(String name, String contentType, byte[] content) {
	}

	/**
	 * The workspace's resources, newest first (the caller has checked the viewer is of
	 * the team).
	 */
	List<Resource> list(long workspace) {
		return resources.listedIn(workspace)
			.stream()
			.map(r -> new Resource(r.getId(), r.getKind(), r.getTitle(), r.getUrl(), r.getContentType(),
					r.getSizeBytes(), r.getAddedBy(), r.getAddedAt()))
			.toList();
	}

	/**
	 * Someone of the team shares a link: a title and a web address (http or https only).
	 */
	@Transactional
	public void shareLink(Member member, long id, String title, String url) {
		access.require(member, id);
		String cleanUrl = url == null ? "" : url.strip();
		if (!LINK.matcher(cleanUrl).matches()) {
			throw new TeamInputException("team.resource.url");
		}
		String cleanTitle = title == null || title.isBlank() ? cleanUrl : title.strip();
		if (cleanTitle.length() > 300) {
			throw new TeamInputException("team.resource.title");
		}
		resources.save(SharedResource.link(id, cleanTitle, cleanUrl, member.userId(), clock.instant()));
	}

	/**
	 * Someone of the team shares a file, after the study groups' checks: not empty, not
	 * too large, and by its content a document or image; its name cleaned and ending with
	 * its kind's extension.
	 */
	@Transactional
	public void shareFile(Member member, long id, String originalName, byte[] content) {
		access.require(member, id);
		if (content == null || content.length == 0) {
			throw new TeamInputException("team.resource.empty");
		}
		if (content.length > maxFileBytes) {
			throw new TeamInputException("team.resource.too-large");
		}
		FileType type = FileType.of(content).orElseThrow(() -> new TeamInputException("team.resource.type"));
		resources.save(
				SharedResource.file(id, type.safeName(originalName), type, content, member.userId(), clock.instant()));
	}

	@Transactional(readOnly = true)
	public Download download(Member member, long id, long resourceId) {
		access.require(member, id);
		return resources.findByIdAndWorkspaceAndKind(resourceId, id, "FILE")
			.map(r -> new Download(r.getTitle(), r.getContentType(), r.getContent()))
			.orElseThrow(() -> new WorkspaceNotFoundException(id));
	}

	/** Whoever shared it, or the facilitator, takes a resource away. */
	@Transactional
	public void removeResource(Member member, long id, long resourceId) {
		access.require(member, id);
		long by = resources.sharerOf(id, resourceId).orElseThrow(() -> new WorkspaceNotFoundException(id));
		if (!access.mayRemove(member, id, by)) {
			throw new WorkspaceNotFoundException(id);
		}
		resources.deleteById(resourceId);
	}

}
