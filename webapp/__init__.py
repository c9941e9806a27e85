"""Pantau TPPO web application: dashboard pages (Bahasa Indonesia), research API, accounts.

``webapp.app.create_app(db)`` builds the FastAPI application; ``pantau serve`` runs it with uvicorn.
"""
