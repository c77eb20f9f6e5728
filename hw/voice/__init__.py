"""Vietnamese voice announcements assembled from a pack of recorded clips."""
