<?php
/**
 * REST controller of the shared desk's records (`/indiscrets/v1/drafts`, `/indiscrets/v1/issues`).
 *
 * WordPress's posts controller, with what a shared desk needs on top:
 * - reading needs `read_indiscrets` (never public, even for published records);
 * - every record has a stable `meta.clientId`; creating one that exists answers 409 with it,
 *   so a client retrying a lost answer never makes a duplicate;
 * - an update must carry `base_version`, the version it was based on; a stale one answers 409
 *   with the current record (WordPress has no If-Match of its own);
 * - an update may say, in `overrides`, which fields its writer kept over the version it was
 *   based on, a colleague's: the record notes it (its `overrides` field) for that colleague's
 *   desk to tell them, since nothing else in the write says their words were replaced;
 * - a draft's `issueId` and `sortKey` (putting it in an issue, ordering it) need
 *   `arrange_indiscrets_issues`, and so does trashing (or merging away) a draft that is in an
 *   issue, which takes it out of the issue as surely;
 * - `modified_after` compares GMT times and includes the second it names, `status=any,trash`
 *   lists trashed records too: a client pulls everything that changed since its last pull;
 * - sub-routes `restore`, `lock` and `versions`.
 *
 * @package Indiscrets
 */

defined( 'ABSPATH' ) || exit;

class Indiscrets_Records_Controller extends WP_REST_Posts_Controller {

	/** Registers WordPress's routes for the post type and the plugin's sub-routes. */
	public function register_routes() {
		parent::register_routes();
		$item = '/' . $this->rest_base . '/(?P<id>[\d]+)';
		register_rest_route(
			$this->namespace,
			$item . '/restore',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'restore_item' ),
				'permission_callback' => array( $this, 'restore_item_permissions_check' ),
				'args'                => array( 'id' => array( 'type' => 'integer' ) ),
			)
		);
		register_rest_route(
			$this->namespace,
			$item . '/lock',
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_lock' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'take_lock' ),
					'permission_callback' => array( $this, 'lock_permissions_check' ),
					'args'                => array(
						'force' => array(
							'description' => 'Take the lock even if another user holds it.',
							'type'        => 'boolean',
							'default'     => false,
						),
					),
				),
				array(
					'methods'             => WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'release_lock' ),
					'permission_callback' => array( $this, 'lock_permissions_check' ),
				),
			)
		);
		register_rest_route(
			$this->namespace,
			$item . '/versions',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'get_versions' ),
				'permission_callback' => array( $this, 'get_item_permissions_check' ),
			)
		);
	}

	// -----------------------------------------------------------------------------------------
	// Reading

	/** Everyone on the desk reads everything, in the edit context too (raw title and text). */
	public function get_items_permissions_check( $request ) {
		return $this->desk_permission();
	}

	public function get_item_permissions_check( $request ) {
		$post = $this->get_post( $request['id'] );
		if ( is_wp_error( $post ) ) {
			return $post;
		}
		return $this->desk_permission();
	}

	/** True while get_items() runs (see check_update_permission). */
	private $listing = false;

	/**
	 * Lists records. WordPress lists the edit context only with the records the user may edit;
	 * the desk shows everyone's, so while listing, "may edit" means "may read".
	 */
	public function get_items( $request ) {
		$this->listing = true;
		try {
			$response = parent::get_items( $request );
		} finally {
			$this->listing = false;
		}
		if ( $request['locks'] && $response instanceof WP_REST_Response ) {
			// Who is editing what, in the answer a desk already asks for at every poll: a lock
			// changes no record's modified time, and a request of its own would double the polls.
			// ASCII JSON (wp_json_encode escapes the rest), like WordPress's own X-WP-* headers.
			$response->header( 'X-Indiscrets-Locks', wp_json_encode( indiscrets_fresh_locks() ) );
		}
		return $response;
	}

	protected function check_update_permission( $post ) {
		if ( $this->listing ) {
			return $this->check_read_permission( $post );
		}
		return parent::check_update_permission( $post );
	}

	public function check_read_permission( $post ) {
		return $post && $post->post_type === $this->post_type && current_user_can( INDISCRETS_CAP_READ );
	}

	/**
	 * Any status may be listed (trash included, to pull deletions): the permission check
	 * (read_indiscrets) guards the whole collection.
	 */
	public function sanitize_post_statuses( $statuses, $request, $parameter ) {
		$statuses = wp_parse_slug_list( $statuses );
		foreach ( $statuses as $status ) {
			$result = rest_validate_request_arg( $status, $request, $parameter );
			if ( is_wp_error( $result ) ) {
				return $result;
			}
		}
		return $statuses;
	}

	public function get_collection_params() {
		$params                   = parent::get_collection_params();
		// Records are never "published" in WordPress's sense: list every live one by default.
		$params['status']['default'] = 'any';
		$params['modified_after'] = array(
			'description' => 'Records modified at or after this time (ISO 8601, GMT when no offset is given). The second it names is included: keep the record versions you already have to skip them.',
			'type'        => 'string',
			'format'      => 'date-time',
		);
		$params['locks']          = array(
			'description' => 'Also answer, in the X-Indiscrets-Locks header, every fresh edit lock of the desk (both kinds) as JSON: [{kind, id, clientId, user: {id, name}, since, expires}].',
			'type'        => 'boolean',
			'default'     => false,
		);
		$params['client_id']      = array(
			'description' => 'Only the record with this meta.clientId.',
			'type'        => 'string',
			'pattern'     => INDISCRETS_CLIENT_ID_PATTERN,
		);
		return $params;
	}

	protected function prepare_items_query( $prepared_args = array(), $request = null ) {
		$args = parent::prepare_items_query( $prepared_args, $request );
		if ( ! empty( $request['modified_after'] ) ) {
			$time = rest_parse_date( $request['modified_after'], true );
			if ( isset( $args['date_query'] ) ) {
				$args['date_query'] = array_values(
					array_filter(
						$args['date_query'],
						function ( $clause ) {
							return ! ( is_array( $clause ) && isset( $clause['column'] ) && 'post_modified' === $clause['column'] && isset( $clause['after'] ) );
						}
					)
				);
			}
			$args['date_query'][] = array(
				'column'    => 'post_modified_gmt',
				'after'     => gmdate( 'Y-m-d H:i:s', (int) $time ),
				'inclusive' => true,
			);
		}
		if ( isset( $args['orderby'] ) && 'modified' === $args['orderby'] ) {
			// Stable paging: records modified in the same second keep one order.
			$order           = isset( $args['order'] ) ? $args['order'] : 'DESC';
			$args['orderby'] = array(
				'modified' => $order,
				'ID'       => $order,
			);
		}
		if ( ! empty( $request['client_id'] ) ) {
			$args['meta_query']   = isset( $args['meta_query'] ) ? $args['meta_query'] : array();
			$args['meta_query'][] = array(
				'key'   => 'clientId',
				'value' => $request['client_id'],
			);
		}
		return $args;
	}

	// -----------------------------------------------------------------------------------------
	// Writing

	/**
	 * The arguments of the create and update routes, from the item schema: the update route
	 * also takes `overrides`. It is not a field of the record (the record's `overrides` field is
	 * read-only, and the schema leaves read-only fields out of the arguments), so it is added
	 * here, where WordPress validates it before any callback runs: an invalid one answers
	 * `400 rest_invalid_param` and nothing is written.
	 */
	public function get_endpoint_args_for_item_schema( $method = WP_REST_Server::CREATABLE ) {
		$args = parent::get_endpoint_args_for_item_schema( $method );
		if ( WP_REST_Server::EDITABLE === $method ) {
			$args['overrides'] = array(
				'description'       => 'The fields (the extension\'s names: title, body, tags…) this update keeps over the version it is based on, a colleague\'s: the record notes it in its overrides field. Only with base_version.',
				'type'              => 'array',
				'maxItems'          => 30,
				'items'             => array(
					'type'    => 'string',
					'pattern' => '^[A-Za-z]{1,40}$',
				),
				'validate_callback' => 'rest_validate_request_arg',
				'sanitize_callback' => 'rest_sanitize_request_arg',
			);
		}
		return $args;
	}

	public function create_item_permissions_check( $request ) {
		$allowed = parent::create_item_permissions_check( $request );
		if ( is_wp_error( $allowed ) ) {
			return $allowed;
		}
		return $this->check_arrange( $request, null );
	}

	/**
	 * Creates a record. `meta.clientId` is required; if a record (even trashed) already has it,
	 * nothing is created and the answer is 409 `indiscrets_exists` with that record.
	 */
	public function create_item( $request ) {
		$meta      = is_array( $request['meta'] ) ? $request['meta'] : array();
		$client_id = isset( $meta['clientId'] ) ? (string) $meta['clientId'] : '';
		if ( '' === $client_id ) {
			return new WP_Error(
				'indiscrets_client_id_required',
				__( 'A record needs meta.clientId, the extension\'s stable id.', 'indiscrets' ),
				array( 'status' => 400 )
			);
		}
		// Two requests creating the same record at once: the second waits, then finds the first.
		return indiscrets_with_lock(
			'indiscrets_' . md5( $this->post_type . ':' . $client_id ),
			function () use ( $request, $client_id ) {
				$existing = $this->find_by_client_id( $client_id );
				if ( $existing ) {
					return new WP_Error(
						'indiscrets_exists',
						__( 'A record with this clientId already exists.', 'indiscrets' ),
						array(
							'status'  => 409,
							'current' => $this->record_data( $existing ),
						)
					);
				}
				return indiscrets_rest_write_of(
					$this->post_type,
					function () use ( $request ) {
						return parent::create_item( $request );
					}
				);
			}
		);
	}

	public function update_item_permissions_check( $request ) {
		$allowed = parent::update_item_permissions_check( $request );
		if ( is_wp_error( $allowed ) ) {
			return $allowed;
		}
		$post = $this->get_post( $request['id'] );
		return $this->check_arrange( $request, $post );
	}

	public function delete_item_permissions_check( $request ) {
		$allowed = parent::delete_item_permissions_check( $request );
		if ( is_wp_error( $allowed ) ) {
			return $allowed;
		}
		return $this->check_take_out( $this->get_post( $request['id'] ) );
	}

	/**
	 * Updates a record if it is still at `base_version`; otherwise 409 `indiscrets_conflict`
	 * with the current record, and nothing is written. WordPress's own editor (wp-admin) sends
	 * no base_version: its saves write over the version they find, as any write outside the
	 * REST API does, and WordPress's post lock keeps two people apart there.
	 *
	 * With `overrides` (and base_version), a write that goes through also notes that its writer
	 * kept those fields over the version it was based on (see note_overrides).
	 */
	public function update_item( $request ) {
		$post = $this->get_post( $request['id'] );
		if ( is_wp_error( $post ) ) {
			return $post;
		}
		$meta = is_array( $request['meta'] ) ? $request['meta'] : array();
		if ( isset( $meta['clientId'] ) && (string) $meta['clientId'] !== (string) get_post_meta( $post->ID, 'clientId', true ) ) {
			return new WP_Error(
				'indiscrets_client_id_immutable',
				__( 'The clientId of a record cannot change.', 'indiscrets' ),
				array( 'status' => 400 )
			);
		}
		$base = $this->from_wordpress_editor( $request ) ? null : $this->base_version( $request );
		if ( is_wp_error( $base ) ) {
			return $base;
		}
		return indiscrets_with_record_lock(
			$post->ID,
			function ( $post ) use ( $request, $base ) {
				// Every write through the REST API holds the record's lock: nobody else's can
				// land between this check and the end of this write.
				if ( null !== $base && indiscrets_version( $post->ID ) !== $base ) {
					return $this->conflict( $post, $base );
				}
				// Who last wrote the record before this write, which makes its writer the last
				// editor (indiscrets_after_insert): noted with an override, for information.
				$previous = indiscrets_last_editor( $post->ID );
				// Whose version of each field kept goes: read before the write, while the record
				// still holds the values it replaces.
				$kept     = $this->overridden_fields( $request );
				$replaced = null !== $base && $kept ? indiscrets_replaced_versions( $post->ID, $base, $kept ) : array();
				$response = indiscrets_rest_write_of(
					$this->post_type,
					function () use ( $request ) {
						return parent::update_item( $request );
					},
					$post->ID
				);
				if ( null !== $base && ! is_wp_error( $response ) ) {
					$this->note_overrides( $post->ID, $kept, $previous, $replaced, $response );
				}
				return $response;
			}
		);
	}

	/**
	 * After an update that went through: notes that its writer kept the fields named in
	 * `overrides` over the version it was based on (a conflict chosen « Garder la mienne »
	 * replaces a colleague's words with an ordinary write, which says nothing of it). Whose words
	 * went is the desks' to tell: each knows which fields it wrote itself, whereas the record's
	 * last editor ($previous, noted as `over`) may have changed another field since, and a write
	 * of the writer's own just before (a trash sent ahead of the fields) makes it the writer.
	 * The note says, field by field, which version's value went and who wrote it ($replaced,
	 * read before the write), for the desk that wrote it to be told even when it no longer knows
	 * it wrote it. Nothing when it names no field. Still under the record's lock, and after
	 * indiscrets_rest_write_of, so the version it names is the one this write ended at, moved on
	 * however the write ended. The answer was made before the note: its `overrides` field is
	 * given again.
	 *
	 * @param int              $post_id  The record.
	 * @param string[]         $fields   The update's `overrides`.
	 * @param int              $previous The record's last editor before this write.
	 * @param array            $replaced Per field, the version replaced and its writer (see
	 *                                   indiscrets_replaced_versions).
	 * @param WP_REST_Response $response The update's answer.
	 */
	private function note_overrides( $post_id, $fields, $previous, $replaced, $response ) {
		$me = get_current_user_id();
		if ( ! $fields || ! $me ) {
			return;
		}
		indiscrets_note_override( $post_id, indiscrets_version( $post_id ), $me, $previous, $fields, $replaced );
		if ( ! ( $response instanceof WP_REST_Response ) ) {
			return;
		}
		$data = $response->get_data();
		if ( is_array( $data ) && array_key_exists( 'overrides', $data ) ) {
			$data['overrides'] = indiscrets_overrides_of( $post_id );
			$response->set_data( $data );
		}
	}

	/** The fields an update says it keeps over the version it was based on (its `overrides`). */
	private function overridden_fields( $request ) {
		return is_array( $request['overrides'] ) ? $request['overrides'] : array();
	}

	/**
	 * Trashes a record (or deletes it for good with `force`, which needs the right to delete
	 * others' records). `base_version`, when sent, is checked as for an update. A draft merged
	 * into another (the extension's « Fusionner dans… ») is trashed with `merged_into`, the id
	 * of that other draft: the record then says where its content went (its `merged_into`
	 * field), until it is restored or trashed again without it.
	 */
	public function delete_item( $request ) {
		$post = $this->get_post( $request['id'] );
		if ( is_wp_error( $post ) ) {
			return $post;
		}
		if ( $request['force'] && ! current_user_can( 'delete_others_' . $this->plural() ) ) {
			return new WP_Error(
				'indiscrets_cannot_delete_forever',
				__( 'Only an editor may delete a record for good; it can go to the trash.', 'indiscrets' ),
				array(
					'status' => rest_authorization_required_code(),
					'needs'  => 'editor',
				)
			);
		}
		$base = null;
		if ( $this->sends_base_version( $request ) ) {
			$base = $this->base_version( $request );
			if ( is_wp_error( $base ) ) {
				return $base;
			}
		}
		$target = $this->merge_target( $request, $post );
		if ( is_wp_error( $target ) ) {
			return $target;
		}
		return indiscrets_with_record_lock(
			$post->ID,
			function ( $post ) use ( $request, $base, $target ) {
				if ( null !== $base && indiscrets_version( $post->ID ) !== $base ) {
					return $this->conflict( $post, $base );
				}
				if ( $request['force'] ) {
					return parent::delete_item( $request );
				}
				// Written before the trash, so that the answer (and every later pull) says it.
				$before = get_post_meta( $post->ID, INDISCRETS_MERGED_INTO_KEY, true );
				if ( $target ) {
					update_post_meta( $post->ID, INDISCRETS_MERGED_INTO_KEY, $target->ID );
				} else {
					delete_post_meta( $post->ID, INDISCRETS_MERGED_INTO_KEY );
				}
				$response = parent::delete_item( $request );
				if ( is_wp_error( $response ) ) {
					if ( '' === $before ) {
						delete_post_meta( $post->ID, INDISCRETS_MERGED_INTO_KEY );
					} else {
						update_post_meta( $post->ID, INDISCRETS_MERGED_INTO_KEY, (int) $before );
					}
				}
				return $response;
			}
		);
	}

	/**
	 * The draft a trash names with `merged_into`: null when it names none, 400
	 * `indiscrets_invalid_merge_target` when it is not another live draft of the desk.
	 *
	 * @return WP_Post|null|WP_Error
	 */
	private function merge_target( $request, $post ) {
		$target = $request['merged_into'];
		if ( null === $target || '' === $target ) {
			return null;
		}
		$invalid = function ( $message ) {
			return new WP_Error( 'indiscrets_invalid_merge_target', $message, array( 'status' => 400 ) );
		};
		if ( INDISCRETS_DRAFT !== $this->post_type ) {
			return $invalid( __( 'Only a draft can be merged into another draft (merged_into).', 'indiscrets' ) );
		}
		if ( ! is_numeric( $target ) || (int) $target <= 0 || (string) (int) $target !== (string) $target ) {
			return $invalid( __( 'merged_into must be the id of the draft this one was merged into.', 'indiscrets' ) );
		}
		if ( (int) $target === $post->ID ) {
			return $invalid( __( 'A draft cannot be merged into itself (merged_into names the draft being deleted).', 'indiscrets' ) );
		}
		$draft = get_post( (int) $target );
		if ( ! $draft || INDISCRETS_DRAFT !== $draft->post_type || 'trash' === $draft->post_status ) {
			return $invalid(
				/* translators: %d: the id sent as merged_into. */
				sprintf( __( 'merged_into names no draft of the desk (%d): it must be a draft that is not in the trash.', 'indiscrets' ), (int) $target )
			);
		}
		return $draft;
	}

	public function restore_item_permissions_check( $request ) {
		$post = $this->get_post( $request['id'] );
		if ( is_wp_error( $post ) ) {
			return $post;
		}
		if ( ! current_user_can( 'delete_post', $post->ID ) ) {
			return new WP_Error(
				'rest_cannot_restore',
				__( 'Sorry, you are not allowed to restore this record.', 'indiscrets' ),
				array( 'status' => rest_authorization_required_code() )
			);
		}
		return true;
	}

	/** Takes a record out of the trash, with the status it had. Restoring a live record is a no-op. */
	public function restore_item( $request ) {
		$post = $this->get_post( $request['id'] );
		return indiscrets_with_record_lock(
			$post->ID,
			function ( $post ) use ( $request ) {
				if ( 'trash' === $post->post_status && ! wp_untrash_post( $post->ID ) ) {
					return new WP_Error( 'indiscrets_cannot_restore', __( 'The record could not be restored.', 'indiscrets' ), array( 'status' => 500 ) );
				}
				return rest_ensure_response( $this->record_data( get_post( $post->ID ), $request ) );
			}
		);
	}

	// -----------------------------------------------------------------------------------------
	// Locks and versions

	public function lock_permissions_check( $request ) {
		$post = $this->get_post( $request['id'] );
		if ( is_wp_error( $post ) ) {
			return $post;
		}
		if ( ! current_user_can( 'edit_post', $post->ID ) ) {
			return new WP_Error(
				'rest_cannot_edit',
				__( 'Sorry, you are not allowed to edit this record.', 'indiscrets' ),
				array( 'status' => rest_authorization_required_code() )
			);
		}
		return true;
	}

	public function get_lock( $request ) {
		return rest_ensure_response( array( 'lock' => indiscrets_lock_of( (int) $request['id'] ) ) );
	}

	/**
	 * Takes (or renews) the edit lock for the current user. When another user holds a fresh
	 * lock, answers 423 `indiscrets_locked` with it, unless `force` (taking over, as wp-admin
	 * offers).
	 */
	public function take_lock( $request ) {
		$post_id = (int) $request['id'];
		$current = indiscrets_lock_of( $post_id );
		$me      = get_current_user_id();
		if ( $current && $current['user']['id'] !== $me && ! $request['force'] ) {
			return new WP_Error(
				'indiscrets_locked',
				__( 'Someone else is editing this record.', 'indiscrets' ),
				array(
					'status' => 423,
					'lock'   => $current,
				)
			);
		}
		// The format of WordPress's own wp_set_post_lock(): "time:user_id".
		update_post_meta( $post_id, '_edit_lock', time() . ':' . $me );
		return rest_ensure_response( array( 'lock' => indiscrets_lock_of( $post_id ) ) );
	}

	/** Releases the current user's lock; another user's lock is left alone. */
	public function release_lock( $request ) {
		$post_id = (int) $request['id'];
		$current = indiscrets_lock_of( $post_id );
		if ( $current && get_current_user_id() === $current['user']['id'] ) {
			delete_post_meta( $post_id, '_edit_lock' );
			$current = null;
		}
		return rest_ensure_response( array( 'lock' => $current ) );
	}

	/**
	 * Every version of the record kept in its revisions, newest first: revision id, version,
	 * when, who, and the record as it was (title, content, meta).
	 */
	public function get_versions( $request ) {
		$post_id   = (int) $request['id'];
		$revisions = wp_get_post_revisions(
			$post_id,
			array(
				'orderby' => 'ID',
				'order'   => 'DESC',
			)
		);
		$out       = array();
		foreach ( $revisions as $revision ) {
			$record = indiscrets_revision_snapshot( $revision->ID );
			$out[]  = array(
				'revision'     => $revision->ID,
				'version'      => isset( $record['version'] ) ? (int) $record['version'] : null,
				'modified_gmt' => mysql_to_rfc3339( $revision->post_modified_gmt ),
				'author'       => indiscrets_user_ref( $revision->post_author ),
				'title'        => $revision->post_title,
				'content'      => $revision->post_content,
				'meta'         => isset( $record['meta'] ) ? $record['meta'] : null,
			);
		}
		return rest_ensure_response( $out );
	}

	// -----------------------------------------------------------------------------------------
	// Helpers

	private function desk_permission() {
		if ( current_user_can( INDISCRETS_CAP_READ ) ) {
			return true;
		}
		return new WP_Error(
			'indiscrets_cannot_read',
			__( 'Sorry, your role on this site does not give access to the shared desk.', 'indiscrets' ),
			array(
				'status' => rest_authorization_required_code(),
				'needs'  => 'contributor',
			)
		);
	}

	private function plural() {
		return INDISCRETS_ISSUE === $this->post_type ? 'indiscrets_issues' : 'indiscrets_drafts';
	}

	/**
	 * A draft in an issue leaves it when it goes to the trash (or is merged into another, which
	 * trashes it): that needs `arrange_indiscrets_issues`, as taking it out by its `issueId` does.
	 * A Contributor's or Author's own draft an Editor put in an issue stays there until an Editor
	 * takes it out. Checked before anything is written.
	 *
	 * @param WP_Post|WP_Error $post The record being trashed.
	 */
	private function check_take_out( $post ) {
		if ( is_wp_error( $post ) ) {
			return $post;
		}
		if ( INDISCRETS_DRAFT !== $this->post_type || 'trash' === $post->post_status
			|| current_user_can( INDISCRETS_CAP_ARRANGE ) ) {
			return true;
		}
		if ( '' === (string) get_post_meta( $post->ID, 'issueId', true ) ) {
			return true;
		}
		return new WP_Error(
			'indiscrets_cannot_arrange',
			__( 'This draft is in an issue: only an editor may take it out, by the trash or a merge as by moving it.', 'indiscrets' ),
			array(
				'status' => rest_authorization_required_code(),
				'needs'  => 'editor',
			)
		);
	}

	/**
	 * Putting a draft in an issue or moving it there needs `arrange_indiscrets_issues`;
	 * publishing an issue needs `publish_indiscrets_issues`. Checked before anything is written.
	 *
	 * @param WP_Post|null|WP_Error $post The record being updated, null when creating.
	 */
	private function check_arrange( $request, $post ) {
		if ( is_wp_error( $post ) ) {
			return $post;
		}
		$meta = is_array( $request['meta'] ) ? $request['meta'] : array();
		if ( INDISCRETS_DRAFT === $this->post_type && ! current_user_can( INDISCRETS_CAP_ARRANGE ) ) {
			foreach ( array( 'issueId', 'sortKey' ) as $key ) {
				if ( ! array_key_exists( $key, $meta ) ) {
					continue;
				}
				$now = $post ? (string) get_post_meta( $post->ID, $key, true ) : '';
				if ( (string) $meta[ $key ] !== $now ) {
					return new WP_Error(
						'indiscrets_cannot_arrange',
						__( 'Only an editor may put a draft in an issue or change its place.', 'indiscrets' ),
						array(
							'status' => rest_authorization_required_code(),
							'needs'  => 'editor',
						)
					);
				}
			}
		}
		if ( INDISCRETS_ISSUE === $this->post_type && isset( $meta['status'] ) && 'published' === $meta['status']
			&& ! current_user_can( 'publish_indiscrets_issues' ) ) {
			$now = $post ? (string) get_post_meta( $post->ID, 'status', true ) : '';
			if ( 'published' !== $now ) {
				return new WP_Error(
					'indiscrets_cannot_publish',
					__( 'Only an editor may publish an issue.', 'indiscrets' ),
					array(
						'status' => rest_authorization_required_code(),
						'needs'  => 'editor',
					)
				);
			}
		}
		return true;
	}

	/**
	 * Whether a request without base_version comes from WordPress's own editor: signed in by
	 * its cookie, with the REST nonce of that session (checked here, since WordPress checks it
	 * only when no other authentication, such as an application password, was used).
	 */
	private function from_wordpress_editor( $request ) {
		if ( $this->sends_base_version( $request ) ) {
			return false;
		}
		$nonce = $request->get_header( 'X-WP-Nonce' ) ?? $request['_wpnonce'];
		return is_string( $nonce ) && '' !== $nonce && null === rest_get_authenticated_app_password()
			&& false !== wp_verify_nonce( $nonce, 'wp_rest' );
	}

	/** Whether the request says which version it is based on (valid or not). */
	private function sends_base_version( $request ) {
		return null !== $request['base_version'] && '' !== $request['base_version'];
	}

	/** The `base_version` of a request, or 428 when it is missing. */
	private function base_version( $request ) {
		$base = $request['base_version'];
		if ( ! $this->sends_base_version( $request ) || ! is_numeric( $base ) || (int) $base < 0 ) {
			return new WP_Error(
				'indiscrets_base_version_required',
				__( 'An update must say which version it is based on (base_version).', 'indiscrets' ),
				array( 'status' => 428 )
			);
		}
		return (int) $base;
	}

	private function conflict( $post, $base ) {
		$post = get_post( $post->ID );
		return new WP_Error(
			'indiscrets_conflict',
			__( 'This record changed since the version the update was based on.', 'indiscrets' ),
			array(
				'status'       => 409,
				'base_version' => $base,
				'version'      => indiscrets_version( $post->ID ),
				'current'      => $this->record_data( $post ),
			)
		);
	}

	/** The record as a GET with context=edit would answer it. */
	private function record_data( $post, $request = null ) {
		$read = new WP_REST_Request( 'GET' );
		$read->set_param( 'context', 'edit' );
		if ( $request && $request['_fields'] ) {
			$read->set_param( '_fields', $request['_fields'] );
		}
		$data = $this->prepare_item_for_response( $post, $read )->get_data();
		return $data;
	}

	private function find_by_client_id( $client_id ) {
		$ids = get_posts(
			array(
				'post_type'        => $this->post_type,
				'post_status'      => 'any,trash',
				'meta_key'         => 'clientId',
				'meta_value'       => $client_id,
				'fields'           => 'ids',
				'posts_per_page'   => 1,
				'suppress_filters' => true,
				'no_found_rows'    => true,
				'orderby'          => 'ID',
				'order'            => 'ASC',
			)
		);
		return $ids ? get_post( $ids[0] ) : null;
	}
}
