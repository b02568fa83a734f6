// Tasks under the `fevm` scope and the offline-compile subtask.
