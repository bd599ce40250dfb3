/* Galleries: a keyboard-accessible lightbox, a progressive enhancement over plain links. */
