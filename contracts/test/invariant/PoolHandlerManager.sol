// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PoolStorage} from "../../src/pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "../../src/HardwareAssetRegistry.sol";
import {PoolHandlerBase} from "./PoolHandlerBase.sol";

/// @notice PoolHandler's manager, admin, registrar and guardian: capital, losses, asset status, pause, close.
abstract contract PoolHandlerManager is PoolHandlerBase {
    // ─── Manager ───────────────────────────────────────────────────────────────────────────────────────

    function _capital(uint256 assetId)
        internal
        view
        returns (uint256 writtenDown, uint256 recovered, uint256 provision, uint256 limit)
    {
        (,, uint128 w, uint128 r, uint128 p, uint128 l) = pool.assetCapital(assetId);
        return (w, r, p, l);
    }

    function deployCapital(uint256 assetSeed, uint256 amount) external track("deployCapital") {
        if (pool.paused()) return; // documented: no manager actions while paused
        uint256 assetId = assetIds[assetSeed % 2];
        HardwareAssetRegistry.Status st = pool.registry().statusOf(assetId);
        // The pool refuses to finance retired or impaired machines (documented, not a failure).
        if (st == HardwareAssetRegistry.Status.Retired || st == HardwareAssetRegistry.Status.Impaired) return;
        if (pool.status() == PoolStorage.Status.Closed) return; // wind-down: no more deployments
        // Never what waiting exits are owed, never beyond the asset's limit.
        uint256 max = pool.deployableCapital();
        (,,, uint256 limit) = _capital(assetId);
        uint256 outstanding = pool.outstandingOf(assetId);
        uint256 room = limit > outstanding ? limit - outstanding : 0;
        if (room < max) max = room;
        if (max == 0) return;
        amount = _mostly(amount, max);
        vm.prank(manager);
        try pool.deployCapital(assetId, amount) {
            ghostDeployed += amount;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    function recordRepayment(uint256 assetSeed, uint256 amount) external track("recordRepayment") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        uint256 outstanding = pool.outstandingOf(assetId);
        if (outstanding == 0) return;
        amount = _mostlySmall(amount, outstanding);
        usdc.mint(manager, amount);
        vm.prank(manager);
        try pool.recordRepayment(assetId, amount) {
            ghostRepaid += amount;
        } catch (bytes memory err) {
            _unexpected(err);
        }
        (,, uint256 provision,) = _capital(assetId);
        if (provision > pool.outstandingOf(assetId)) _unexpected("provision above outstanding after repayment");
    }

    /// The manager raises an asset's provision (the registry marks it impaired first): the price falls at once.
    function markImpairment(uint256 assetSeed, uint256 amount) external track("markImpairment") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        uint256 outstanding = pool.outstandingOf(assetId);
        (,, uint256 provision,) = _capital(assetId);
        if (outstanding <= provision) return;
        uint256 target = provision + _mostlySmall(amount, outstanding - provision);
        HardwareAssetRegistry registry = pool.registry();
        if (registry.statusOf(assetId) != HardwareAssetRegistry.Status.Impaired) {
            vm.prank(manager);
            registry.setStatus(assetId, HardwareAssetRegistry.Status.Impaired);
        }
        vm.prank(manager);
        try pool.markImpairment(assetId, target) {
            statImpairments++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// The admin (timelock) lowers a provision: the loss turned out smaller.
    function lowerProvision(uint256 assetSeed, uint256 amount) external track("lowerProvision") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        (,, uint256 provision,) = _capital(assetId);
        if (provision == 0) return;
        uint256 target = _bound(amount, 0, provision - 1);
        vm.prank(admin);
        try pool.markImpairment(assetId, target) {}
        catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// The manager writes off provisioned principal: price-neutral (checked like any other action).
    function recordWriteDown(uint256 assetSeed, uint256 amount) external track("recordWriteDown") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        (,, uint256 provision,) = _capital(assetId);
        if (provision == 0) return;
        amount = _mostly(amount, provision);
        vm.prank(manager);
        try pool.recordWriteDown(assetId, amount) {
            ghostWrittenDown += amount;
            statWriteDowns++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// The admin writes off any amount up to outstanding (the provision first).
    function adminWriteDown(uint256 assetSeed, uint256 amount) external track("adminWriteDown") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        uint256 outstanding = pool.outstandingOf(assetId);
        if (outstanding == 0) return;
        amount = _mostlySmall(amount, outstanding);
        vm.prank(admin);
        try pool.recordWriteDown(assetId, amount) {
            ghostWrittenDown += amount;
            statWriteDowns++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// Money recovered on written-off principal comes back to idle.
    function recordRecovery(uint256 assetSeed, uint256 amount) external track("recordRecovery") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        (uint256 writtenDown, uint256 recovered,,) = _capital(assetId);
        if (writtenDown == recovered) return;
        amount = _mostly(amount, writtenDown - recovered);
        usdc.mint(manager, amount);
        vm.prank(manager);
        try pool.recordRecovery(assetId, amount) {
            ghostRecovered += amount;
            statRecoveries++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// The manager (a registrar) moves an asset through its lifecycle; repayments, write-downs and revenue go on
    /// whatever the status.
    function setAssetStatus(uint256 assetSeed, uint256 statusSeed) external track("setAssetStatus") {
        uint256 assetId = assetIds[assetSeed % 2];
        HardwareAssetRegistry.Status st = HardwareAssetRegistry.Status(statusSeed % 5);
        HardwareAssetRegistry registry = pool.registry();
        vm.prank(manager);
        try registry.setStatus(assetId, st) {}
        catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// Pauses the pool (everything stops but revenue claims, claims of filled redemptions and cancellations). The
    /// next warp unpauses it, so pauses stay short.
    function pause() external track("pause") {
        if (pool.paused()) return;
        vm.prank(guardian);
        try pool.pause() {}
        catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// Wind-down, late in a sequence only (it ends deposits for good): repayments, revenue and exits go on.
    function close() external track("close") {
        if (actionCount < 35 || pool.status() == PoolStorage.Status.Closed || pool.paused()) return;
        vm.prank(manager);
        try pool.close() {}
        catch (bytes memory err) {
            _unexpected(err);
        }
    }
}
