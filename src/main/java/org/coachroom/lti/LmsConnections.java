package org.coachroom.lti;

import java.time.Instant;
import java.util.List;

/**
 * What a district admin is told about how their district reaches Coachroom: the LMS they
 * launched from, and the other LMSs connected through the registration links they issued.
 */
public interface LmsConnections {

	Connection of(Member member);

	/**
	 * @param platformName the LMS the admin launched from
	 * @param productFamily the LMS product as it named itself (e.g. "moodle"), or null
	 * @param connectedSince when that LMS was registered with Coachroom
	 * @param dynamicallyRegistered whether it registered itself (LTI Dynamic
	 * Registration) rather than from the operator's registrations file
	 * @param connectedThroughLinks the LMSs that used a registration link of this
	 * district, newest first
	 * @param linksOpen registration links of this district still waiting to be used
	 */
	record Connection(String platformName, String productFamily, Instant connectedSince, boolean dynamicallyRegistered,
			List<String> connectedThroughLinks, int linksOpen) {

		public Connection {
			connectedThroughLinks = List.copyOf(connectedThroughLinks);
		}

	}

}
